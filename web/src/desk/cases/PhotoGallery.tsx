import { Image } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';

interface Photo {
  id: string;
  url: string;
  thumbnailUrl: string;
}

/** Thumbnails that open the full photo, browsable as one group. */
export function PhotoGallery({ photos }: { photos: readonly Photo[] }) {
  const { t } = useI18n();
  return (
    <Image.PreviewGroup>
      <div className="fq-photos">
        {photos.map((photo, index) => (
          <Image
            key={photo.id}
            width={112}
            height={112}
            src={photo.thumbnailUrl}
            preview={{ src: photo.url }}
            alt={t('deskCases.detail.photoAlt', { n: index + 1 })}
          />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
