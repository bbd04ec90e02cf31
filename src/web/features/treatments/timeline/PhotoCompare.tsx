// First visit and latest, side by side: what the course has done, in one look.
import { useTranslation } from 'react-i18next';
import { useDay } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import type { Photo, TimelineRecord } from '../types.js';

export function PhotoCompare({ pair, records }: { pair: { first: Photo; latest: Photo }; records: TimelineRecord[] }) {
  const { t } = useTranslation();
  const day = useDay();
  const dateOf = (p: Photo) => records.find((r) => r.id === p.recordId)?.date ?? p.createdAt.slice(0, 10);
  return (
    <section className="rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200 sm:p-5" data-testid="photo-compare">
      <h2 className="mb-3 flex items-center gap-2 text-base font-semibold text-zinc-900">
        <PackageIcon name="image" className="size-5 text-orchid-600" />
        {t('treatments.timeline.compare')}
      </h2>
      <div className="grid grid-cols-2 gap-3">
        {[
          { photo: pair.first, label: t('treatments.timeline.first') },
          { photo: pair.latest, label: t('treatments.timeline.latest') },
        ].map(({ photo, label }) => (
          <figure key={photo.id} className="space-y-1.5">
            <a
              href={photo.url}
              target="_blank"
              rel="noreferrer"
              className="block overflow-hidden rounded-lg bg-zinc-100 ring-1 ring-zinc-200"
            >
              <img src={photo.thumbUrl} alt={label} className="h-40 w-full object-cover sm:h-56" loading="lazy" />
            </a>
            <figcaption className="flex flex-col text-sm sm:flex-row sm:items-baseline sm:justify-between sm:gap-2">
              <span className="font-medium text-zinc-900">{label}</span>
              <span className="text-xs text-zinc-500 sm:text-sm">
                {day(dateOf(photo))} · {t(`treatments.photos.kind.${photo.kind}`)}
              </span>
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
