import { randomBytes } from 'node:crypto';
import { fail, invalid, ok, type DemoResponse } from '../responses';
import type { DemoRequest, DemoState } from '../state';
import type { DemoPhoto, DemoService, DemoStaffMember, PhotoVersion } from '../types';
import { imageGroupWire, serviceImageGroupWire } from '../wire';
import { vips, withImages } from '../../services/photos/vips';

const ENTITIES = new Set(['master', 'team_member', 'service']);
const TYPE_ERROR = 'The image must be a file of type: jpeg, png.';

function sniff(bytes: Uint8Array): 'jpeg' | 'png' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return null;
}

async function form(req: DemoRequest): Promise<FormData | null> {
  try {
    return await (await req.request()).formData();
  } catch {
    return null;
  }
}

function findMember(state: DemoState, req: DemoRequest, staffId: number): DemoStaffMember | null {
  const allowed = req.auth.user?.locationIds;
  for (const l of state.dataset.locations) {
    if (allowed && !allowed.includes(l.company.id)) continue;
    const m = l.staff.find((x) => x.id === staffId);
    if (m) return m;
  }
  return null;
}

/** The service to bind to (company_id + service_id), at a location the user may see. */
function findService(state: DemoState, req: DemoRequest, companyId: number, serviceId: number): DemoService | null {
  const allowed = req.auth.user?.locationIds;
  if (allowed && !allowed.includes(companyId)) return null;
  const l = state.dataset.locations.find((x) => x.company.id === companyId);
  return l?.services.find((x) => x.id === serviceId) ?? null;
}

/** POST /images/{entity}: real multipart; the picture becomes the member's photo (sm/norm resized like Altegio's). */
export async function postImage(req: DemoRequest, state: DemoState): Promise<DemoResponse> {
  const entity = req.params[0] ?? '';
  if (!ENTITIES.has(entity)) return fail(404, null);
  const data = await form(req);
  const file = data?.get('image');
  if (!data || !file || typeof file === 'string')
    return invalid('An error has occurred.', { image: ['The image field is required.'] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = sniff(bytes);
  if (!kind) return invalid('An error has occurred.', { image: [TYPE_ERROR] });
  const fields: Record<string, string> = {};
  for (const [k, v] of data.entries()) if (typeof v === 'string') fields[k] = v;

  const isMember = entity !== 'service';
  // A service's picture is a change to the menu: a receptionist's role gets Altegio's 403, as for new services.
  if (!isMember && (req.auth.user?.role ?? 'manager') !== 'manager') return fail(403, 'Not enough rights');
  const staffId = isMember && fields['master_id'] ? Number(fields['master_id']) : null;
  const member = staffId !== null ? findMember(state, req, staffId) : null;
  if (staffId !== null && !member) return fail(404, `Team Member with ID ${fields['master_id']} was not found.`);
  // A service's image is bound only with both ids, as the description says; otherwise it stays unbound.
  const binds = !isMember && fields['company_id'] !== undefined && fields['service_id'] !== undefined;
  const service = binds ? findService(state, req, Number(fields['company_id']), Number(fields['service_id'])) : null;
  if (binds && !service) return fail(404, 'Service not found.');

  const v = await vips();
  let origin: { width: number; height: number };
  try {
    origin = await withImages((keep) => {
      const img = keep(v.Image.newFromBuffer(bytes));
      const turned = img.getTypeof('orientation') !== 0 && img.getInt('orientation') >= 5;
      return turned ? { width: img.height, height: img.width } : { width: img.width, height: img.height };
    });
  } catch {
    return invalid('An error has occurred.', { image: [TYPE_ERROR] });
  }
  const imageGroupId = state.nextImageGroupId++;
  state.imageGroups.add(imageGroupId);
  state.received.uploads.push({
    entity,
    fields,
    fileName: file.name,
    contentType: file.type,
    bytes,
    imageGroupId,
    staffId: member?.id ?? null,
    serviceId: service?.id ?? null,
  });

  const stamp = randomBytes(8).toString('hex');
  if (!isMember) {
    const path = `/uploads/setting_service_image/${stamp}.${kind === 'png' ? 'png' : 'jpeg'}`;
    state.files.set(path, { bytes: Buffer.from(bytes), type: `image/${kind}` });
    if (service) {
      // Altegio keeps one photo per service: the one it replaces is gone.
      if (service.photo) {
        state.files.delete(service.photo.path);
        state.imageGroups.delete(service.photo.imageGroupId);
      }
      service.photo = { imageGroupId, path, width: origin.width, height: origin.height, type: kind };
      return ok({ image_binded: true, 'image_group ': serviceImageGroupWire(service.photo, service.id, req.origin) });
    }
    return ok({
      image_binded: false,
      'image_group ': {
        id: imageGroupId,
        entity: '',
        entity_id: 0,
        images: {
          basic: {
            id: imageGroupId * 3,
            path: req.origin + path,
            width: origin.width,
            height: origin.height,
            type: kind,
            image_group_id: imageGroupId,
            version: 'basic',
          },
        },
      },
    });
  }

  const photo: DemoPhoto = {
    imageGroupId,
    paths: { sm: '', norm: '', origin: '' },
    sizes: { sm: { width: 100, height: 100 }, norm: { width: 180, height: 220 }, origin },
  };
  for (const version of ['sm', 'norm', 'origin'] as PhotoVersion[]) {
    const path = `/uploads/masters/${version}/${stamp}.${version === 'origin' && kind === 'png' ? 'png' : 'jpeg'}`;
    photo.paths[version] = path;
    const out =
      version === 'origin'
        ? { bytes: Buffer.from(bytes), type: `image/${kind}` }
        : {
            bytes: await withImages((keep) => {
              const { width, height } = photo.sizes[version];
              // thumbnail applies the EXIF orientation and fills the box, like Altegio's sm/norm copies.
              const img = keep(v.Image.thumbnailBuffer(bytes, width, { height, crop: 'centre' }));
              return Buffer.from(img.jpegsaveBuffer({ keep: 'none' }));
            }),
            type: 'image/jpeg',
          };
    state.files.set(path, out);
  }
  if (member) member.photo = photo;
  const group = imageGroupWire(photo, member?.id ?? 0, req.origin);
  return ok({ image_binded: member !== null, 'image_group ': member ? group : { ...group, entity: '', entity_id: 0 } });
}

/** DELETE /images/{entity} with form field image_group_id. */
export async function deleteImage(req: DemoRequest, state: DemoState): Promise<DemoResponse> {
  const entity = req.params[0] ?? '';
  if (!ENTITIES.has(entity)) return fail(404, null);
  const data = await form(req);
  const raw = data?.get('image_group_id') ?? req.url.searchParams.get('image_group_id');
  const id = typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isInteger(id) || id <= 0)
    return invalid('An error has occurred.', { image_group_id: ['The image group id field is required.'] });
  state.received.deletes.push(id);
  if (entity === 'service' && (req.auth.user?.role ?? 'manager') !== 'manager') return fail(403, 'Not enough rights');
  if (!state.imageGroups.has(id)) return fail(404, 'Image not found.');
  state.imageGroups.delete(id);
  for (const l of state.dataset.locations) {
    for (const m of l.staff) {
      if (m.photo?.imageGroupId !== id) continue;
      for (const path of Object.values(m.photo.paths)) state.files.delete(path);
      m.photo = null;
    }
    for (const s of l.services) {
      if (s.photo?.imageGroupId !== id) continue;
      state.files.delete(s.photo.path);
      s.photo = null;
    }
  }
  return ok(null, { message: 'Accepted' });
}
