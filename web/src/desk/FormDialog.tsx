import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../shared/i18n.tsx';

interface Props<T> {
  title: ReactNode;
  form: FormInstance<T>;
  onFinish: (values: T) => void;
  onClose: () => void;
  /** The save is on its way: the button spins and cannot be pressed twice. */
  saving: boolean;
  initialValues?: Partial<T>;
  width?: number;
  children: ReactNode;
}

/** A form in a dialog that saves with one button: the shape of every small desk form. */
export function FormDialog<T>({ title, form, onFinish, onClose, saving, initialValues, width, children }: Props<T>) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {children}
      </Form>
    </Modal>
  );
}
