import type { LocationSynonym } from '../../../shared/domain/catalog';
import { SALON, SALON_THESAURUS, Thesaurus } from '../../store/catalog/search/thesaurus';
import type { SettingsRepo } from '../../store/settings-repo';

/**
 * A location's own search lines ("X means Y"), typed by a manager in Settings. One settings key per
 * location, so saving one location's lines never rewrites another's. The location's thesaurus is
 * the salon thesaurus plus these lines, compiled once per distinct list.
 */
const key = (locationId: number) => `search.synonyms.${locationId}`;

export class LocationSynonyms {
  private readonly compiled = new Map<number, { json: string; thesaurus: Thesaurus }>();

  constructor(private readonly settings: SettingsRepo) {}

  get(locationId: number): LocationSynonym[] {
    return this.settings.get<LocationSynonym[]>(key(locationId), []);
  }

  set(locationId: number, items: readonly LocationSynonym[]): LocationSynonym[] {
    const clean = items.map((i) => ({ words: i.words.trim(), means: i.means.trim() }));
    this.settings.set(key(locationId), clean);
    return clean;
  }

  thesaurusFor(locationId: number): Thesaurus {
    const items = this.get(locationId);
    if (items.length === 0) return SALON;
    const json = JSON.stringify(items);
    const known = this.compiled.get(locationId);
    if (known?.json === json) return known.thesaurus;
    const thesaurus = new Thesaurus(SALON_THESAURUS, items);
    this.compiled.set(locationId, { json, thesaurus });
    return thesaurus;
  }
}
