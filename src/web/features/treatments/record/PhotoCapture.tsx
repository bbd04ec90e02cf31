// Before/after photos from the tablet's camera (or its library). New photos wait on the device until the
// record is saved; on a saved record still open for changes they are uploaded at once. A photo's tag
// (before / after) can be flipped until it is uploaded.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import { Spinner } from '../../../components/Spinner.js';
import { PackageIcon } from '../../packages/icons.js';
import type { Photo } from '../types.js';

export type Kind = 'before' | 'after';

export interface PendingPhoto {
  uid: string;
  file: File;
  url: string;
  kind: Kind;
  uploading?: boolean;
}

let seq = 0;
export const pendingPhoto = (file: File, kind: Kind): PendingPhoto => ({ uid: `p${++seq}`, file, url: URL.createObjectURL(file), kind });

export function PhotoCapture({
  photos,
  pending,
  onAdd,
  onRemovePending,
  onToggleKind,
  onDelete,
  editable,
  deleting,
}: {
  photos: Photo[];
  pending: PendingPhoto[];
  onAdd: (files: File[], kind: Kind) => void;
  onRemovePending: (uid: string) => void;
  onToggleKind: (uid: string) => void;
  onDelete?: ((photoId: string) => void) | undefined;
  editable: boolean;
  deleting?: string | null;
}) {
  const { t } = useTranslation();
  // Object URLs of photos still on the device are released when the form goes away.
  const urls = useRef(pending);
  urls.current = pending;
  useEffect(
    () => () => {
      for (const p of urls.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  return (
    <div className="space-y-4" data-testid="photo-capture">
      {editable ? (
        <div className="grid grid-cols-2 gap-3">
          {(['before', 'after'] as const).map((kind) => (
            <label
              key={kind}
              className="flex h-20 cursor-pointer items-center justify-center gap-3 rounded-2xl border-2 border-dashed border-orchid-300 bg-orchid-50/60 text-base font-semibold text-orchid-800 transition-colors hover:bg-orchid-50 active:bg-orchid-100 focus-within:ring-2 focus-within:ring-orchid-600"
            >
              <PackageIcon name="camera" className="size-7" />
              {kind === 'before' ? t('treatments.photos.before') : t('treatments.photos.after')}
              <input
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                className="sr-only"
                data-testid={`photo-${kind}-input`}
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = '';
                  if (files.length) onAdd(files, kind);
                }}
              />
            </label>
          ))}
        </div>
      ) : null}
      {photos.length || pending.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {photos.map((p) => (
            <li
              key={p.id}
              className="relative overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200"
              data-testid="photo-saved"
              data-kind={p.kind}
            >
              <a href={p.url} target="_blank" rel="noreferrer">
                <img
                  src={p.thumbUrl}
                  alt={t(`treatments.photos.kind.${p.kind}`)}
                  className="aspect-[4/3] w-full object-cover"
                  loading="lazy"
                />
              </a>
              <KindTag kind={p.kind} />
              {editable && onDelete ? (
                <button
                  type="button"
                  onClick={() => onDelete(p.id)}
                  className="absolute right-2 top-2 flex size-9 items-center justify-center rounded-full bg-white/90 text-red-700 shadow"
                  aria-label={t('treatments.photos.delete')}
                  data-testid="photo-delete"
                >
                  {deleting === p.id ? <Spinner className="size-4" /> : <Icon name="trash" className="size-4" />}
                </button>
              ) : null}
            </li>
          ))}
          {pending.map((p) => (
            <li
              key={p.uid}
              className="relative overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-orchid-300"
              data-testid="photo-pending"
              data-kind={p.kind}
            >
              <img
                src={p.url}
                alt={t(`treatments.photos.kind.${p.kind}`)}
                className={cx('aspect-[4/3] w-full object-cover', p.uploading && 'opacity-60')}
              />
              <button
                type="button"
                onClick={() => onToggleKind(p.uid)}
                disabled={p.uploading}
                className="absolute bottom-2 left-2"
                aria-label={t('treatments.photos.switchKind')}
                data-testid="photo-kind-toggle"
              >
                <KindTag kind={p.kind} inline />
              </button>
              <button
                type="button"
                onClick={() => onRemovePending(p.uid)}
                disabled={p.uploading}
                className="absolute right-2 top-2 flex size-9 items-center justify-center rounded-full bg-white/90 text-zinc-700 shadow"
                aria-label={t('treatments.photos.remove')}
              >
                {p.uploading ? <Spinner className="size-4" /> : <Icon name="x" className="size-4" />}
              </button>
              {!p.uploading ? (
                <span className="absolute right-2 bottom-2 rounded-full bg-orchid-700/90 px-2 py-0.5 text-xs font-medium text-white">
                  {t('treatments.photos.notSaved')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">{t('treatments.photos.none')}</p>
      )}
    </div>
  );
}

function KindTag({ kind, inline = false }: { kind: 'before' | 'after' | 'other'; inline?: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={cx(
        'rounded-full px-2.5 py-1 text-xs font-semibold shadow-sm',
        inline ? '' : 'absolute bottom-2 left-2',
        kind === 'before' ? 'bg-white text-zinc-800' : kind === 'after' ? 'bg-emerald-600 text-white' : 'bg-zinc-700 text-white',
      )}
    >
      {t(`treatments.photos.kind.${kind}`)}
    </span>
  );
}
