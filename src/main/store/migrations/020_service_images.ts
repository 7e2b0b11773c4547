import type { Migration } from './types';

/**
 * Each service's photo (issue 22 §5), kept like team members' avatars: Altegio's URL and image group
 * (from `image_group` in the service answers) and the cached copy under paths.media, so the catalogue
 * shows it offline. Cache data: a rebuilt cache gets it back at the next sync.
 */
export const m020ServiceImages: Migration = {
  version: 20,
  name: 'service-images',
  up(db) {
    db.exec(`
      ALTER TABLE services ADD COLUMN image_remote TEXT;
      ALTER TABLE services ADD COLUMN image_media TEXT;
      ALTER TABLE services ADD COLUMN image_group_id INTEGER;
    `);
  },
};
