import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { QUESTION_KINDS, type QuestionKind } from '../../shared/volunteer-types.ts';

export interface EditedOption {
  key: string;
  label: string;
}
export interface EditedQuestion {
  key: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  options?: EditedOption[];
  maxChoices?: number | null;
  scale?: number | null;
}

/** The next key not yet used: q1, q2 ... for questions, a, b ... (then o27 ...) for options. Keys stay with a question across versions. */
export function nextKey(taken: readonly string[], kind: 'question' | 'option'): string {
  for (let i = 0; ; i++) {
    const key = kind === 'question' ? `q${i + 1}` : i < 26 ? String.fromCharCode(97 + i) : `o${i + 1}`;
    if (!taken.includes(key)) return key;
  }
}

/** The questions of a version: kind, title, whether required, the options of a choice, the scale of a rating. */
export function QuestionEditor({ form }: { form: FormInstance }) {
  const { t } = useI18n();
  return (
    <Form.List name="questions">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <QuestionCard key={field.key} form={form} name={field.name} index={index} onRemove={() => remove(field.name)} />
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => {
              const taken = ((form.getFieldValue('questions') ?? []) as EditedQuestion[]).map((q) => q.key);
              add({
                key: nextKey(taken, 'question'),
                kind: 'single',
                title: '',
                required: true,
                options: [
                  { key: 'a', label: '' },
                  { key: 'b', label: '' },
                ],
              });
            }}
          >
            {t('deskCommunity.questions.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function QuestionCard({
  form,
  name,
  index,
  onRemove,
}: {
  form: FormInstance;
  name: number;
  index: number;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const kind = Form.useWatch(['questions', name, 'kind'], form) as QuestionKind | undefined;
  return (
    <Card
      size="small"
      className="fq-question"
      title={t('deskCommunity.questions.number', { n: index + 1 })}
      extra={
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('deskCommunity.questions.remove')}
          onClick={onRemove}
        />
      }
    >
      <Form.Item name={[name, 'key']} hidden>
        <Input />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name={[name, 'kind']} label={t('deskCommunity.questions.kind')}>
          <Select
            style={{ width: 140 }}
            options={QUESTION_KINDS.map((value) => ({ value, label: t(`deskCommunity.questionKind.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name={[name, 'required']} label={t('deskCommunity.questions.required')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {kind === 'multiple' && (
          <Form.Item name={[name, 'maxChoices']} label={t('deskCommunity.questions.maxChoices')}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        )}
        {kind === 'rating' && (
          <Form.Item name={[name, 'scale']} label={t('deskCommunity.questions.scale')}>
            <InputNumber min={2} max={10} placeholder="5" />
          </Form.Item>
        )}
      </Space>
      <Form.Item
        name={[name, 'title']}
        label={t('deskCommunity.questions.title')}
        rules={[{ required: true, message: t('deskCommunity.questions.titleMissing') }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      {(kind === 'single' || kind === 'multiple') && (
        <Form.List name={[name, 'options']}>
          {(options, { add, remove }) => (
            <div className="fq-options">
              {options.map((option, i) => (
                <Space key={option.key} className="fq-list-row" align="baseline">
                  <span className="fq-list-index">{i + 1}</span>
                  <Form.Item name={[option.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[option.name, 'label']}
                    rules={[{ required: true, message: t('deskCommunity.questions.optionMissing') }]}
                  >
                    <Input
                      maxLength={100}
                      placeholder={t('deskCommunity.questions.option')}
                      aria-label={`${t('deskCommunity.questions.option')} ${i + 1}`}
                      style={{ width: 320 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('deskCommunity.questions.removeOption')}
                    onClick={() => remove(option.name)}
                  />
                </Space>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => {
                  const taken = ((form.getFieldValue(['questions', name, 'options']) ?? []) as EditedOption[]).map((o) => o.key);
                  add({ key: nextKey(taken, 'option'), label: '' });
                }}
              >
                {t('deskCommunity.questions.addOption')}
              </Button>
            </div>
          )}
        </Form.List>
      )}
    </Card>
  );
}
