import { PlusOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';

/** Photos uploaded one by one as they are picked (POST /api/photos); the form holds their ids. */
export function PhotoUpload({ onChange, id }: { value?: string[]; onChange?: (ids: string[]) => void; id?: string }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile<{ id: string }>[]>([]);
  return (
    <Upload<{ id: string }>
      id={id}
      accept="image/jpeg,image/png,image/webp"
      listType="picture-card"
      multiple
      maxCount={9}
      fileList={files}
      customRequest={({ file, onSuccess, onError }) => {
        const body = new FormData();
        body.append('file', file);
        api<{ id: string }>('/api/photos', { body }).then(
          (photo) => onSuccess?.(photo),
          (error) => onError?.(Object.assign(new Error(errorMessage(t, error)), { status: 400 })),
        );
      }}
      onChange={({ fileList }) => {
        setFiles(fileList);
        onChange?.(fileList.flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : [])));
      }}
    >
      {files.length < 9 && (
        <button type="button" className="fq-upload-button">
          <PlusOutlined />
          <div>{t('deskCases.form.addPhoto')}</div>
        </button>
      )}
    </Upload>
  );
}
