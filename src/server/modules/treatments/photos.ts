// Before/after photos of a treatment record. An upload is sniffed (never trusted by its label), decoded by
// sharp, turned upright from its EXIF orientation, re-encoded as JPEG without any metadata (no GPS, no
// camera serial), at most 2048 px, with a 400 px thumbnail, and stored under the photo directory
// (`DATA_DIR/photos/YYYY/MM/<id>.jpg`). Rows in treatment_photos; files are written before the row and
// removed again when the row cannot be written.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Selectable } from 'kysely';
import sharp from 'sharp';
import type { TreatmentPhotosTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { newId } from '../../platform/ids.js';
import { TreatmentErrors } from './errors.js';

export type PhotoRow = Selectable<TreatmentPhotosTable>;

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_EDGE = 2048;
const THUMB_EDGE = 400;

export type PhotoKind = 'jpeg' | 'png' | 'webp' | 'heif' | null;

/** What the bytes are, from their signature: JPEG, PNG, WebP, or an ISO-BMFF image (HEIC/HEIF/AVIF). */
export function sniff(buf: Buffer): PhotoKind {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 12 && buf.toString('latin1', 4, 8) === 'ftyp') {
    const brand = buf.toString('latin1', 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis'].includes(brand)) return 'heif';
  }
  return null;
}

export type Processed = { full: Buffer; thumb: Buffer; width: number; height: number; sha256: string };

/**
 * Decodes and re-encodes a photo: 415 photo_type_unsupported for anything that is not a decodable JPEG,
 * PNG, WebP or HEIF/AVIF (this build of sharp decodes AVIF; HEIC needs a HEVC decoder it may not have).
 */
export async function processPhoto(buf: Buffer): Promise<Processed> {
  if (buf.length > MAX_PHOTO_BYTES) throw TreatmentErrors.photo_too_large({ max: MAX_PHOTO_BYTES / 1024 / 1024 });
  if (!sniff(buf)) throw TreatmentErrors.photo_type_unsupported();
  try {
    // rotate() with no angle applies the EXIF orientation; output carries no metadata unless asked.
    const upright = sharp(buf, { failOn: 'error', limitInputPixels: 80_000_000 }).rotate();
    const { data: full, info } = await upright
      .clone()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full)
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78 })
      .toBuffer();
    return { full, thumb, width: info.width, height: info.height, sha256: createHash('sha256').update(full).digest('hex') };
  } catch {
    throw TreatmentErrors.photo_type_unsupported();
  }
}

/** A stored path inside the photo directory (never outside it, whatever the row says). */
export function photoPath(root: string, rel: string): string {
  const base = resolve(root);
  const full = resolve(base, rel);
  if (!full.startsWith(base + sep)) throw new Error('photo path escapes the photo directory');
  return full;
}

/** Writes the files, then the row (in the caller's transaction); removes the files if the row fails. */
export async function storePhoto(
  tx: Executor,
  root: string,
  p: { recordId: string; clientId: string; kind: 'before' | 'after' | 'other'; photo: Processed; actorId: string | null; now: number },
): Promise<PhotoRow> {
  const id = newId();
  const d = new Date(p.now);
  const dir = join(String(d.getUTCFullYear()), String(d.getUTCMonth() + 1).padStart(2, '0'));
  const file = join(dir, `${id}.jpg`);
  const thumbFile = join(dir, `${id}.thumb.jpg`);
  const fullPath = photoPath(root, file);
  await mkdir(dirname(fullPath), { recursive: true });
  await writeFile(fullPath, p.photo.full, { mode: 0o600 });
  await writeFile(photoPath(root, thumbFile), p.photo.thumb, { mode: 0o600 });
  const row: PhotoRow = {
    id,
    record_id: p.recordId,
    client_id: p.clientId,
    kind: p.kind,
    file,
    thumb_file: thumbFile,
    width: p.photo.width,
    height: p.photo.height,
    bytes: p.photo.full.length,
    sha256: p.photo.sha256,
    created_by: p.actorId,
    created_at: p.now,
  };
  try {
    await tx.insertInto('treatment_photos').values(row).execute();
  } catch (err) {
    await removeFiles(root, row);
    throw err;
  }
  return row;
}

export async function removeFiles(root: string, row: Pick<PhotoRow, 'file' | 'thumb_file'>): Promise<void> {
  await rm(photoPath(root, row.file), { force: true });
  await rm(photoPath(root, row.thumb_file), { force: true });
}

export function photoDto(r: PhotoRow, urlBase = '/api/v1/treatment-photos') {
  return {
    id: r.id,
    recordId: r.record_id,
    kind: r.kind as 'before' | 'after' | 'other',
    width: r.width,
    height: r.height,
    url: `${urlBase}/${r.id}`,
    thumbUrl: `${urlBase}/${r.id}?size=thumb`,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export const photosOfRecords = (db: Executor, recordIds: readonly string[]) =>
  recordIds.length
    ? db
        .selectFrom('treatment_photos')
        .selectAll()
        .where('record_id', 'in', [...recordIds])
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : Promise.resolve([] as PhotoRow[]);
