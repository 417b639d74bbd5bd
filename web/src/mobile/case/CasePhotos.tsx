import { ImageViewer } from 'antd-mobile';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseDetail } from '../../shared/types.ts';
import './case.css';
import './messages.ts';

type CasePhoto = CaseDetail['photos'][number];

/** The case's photos split into the report's and those taken after the work (named by the resolve events). */
export function splitPhotos(detail: CaseDetail): { before: CasePhoto[]; after: CasePhoto[] } {
  const afterIds = new Set(
    detail.timeline.filter((e) => e.type === 'case.resolved').flatMap((e) => (e.data.photoIds as string[] | undefined) ?? []),
  );
  return {
    before: detail.photos.filter((p) => !afterIds.has(p.id)),
    after: detail.photos.filter((p) => afterIds.has(p.id)),
  };
}

/** Thumbnails; a tap opens the full photos to swipe through. */
export function CasePhotos({ photos, title }: { photos: CasePhoto[]; title: string }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <section className="fq-card" aria-label={title}>
      <h2 className="fq-card-title">{title}</h2>
      <ul className="fq-thumbs">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <button
              type="button"
              onClick={() => ImageViewer.Multi.show({ images: photos.map((p) => p.url), defaultIndex: index })}
            >
              <img src={photo.thumbnailUrl} alt={t('caseView.detail.photoAlt', { n: index + 1 })} loading="lazy" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
