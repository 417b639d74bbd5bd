import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { ApiError } from '../shared/api.ts';
import { errorMessage, useI18n } from '../shared/i18n.tsx';

interface Options<TResult> {
  /** Queries to refetch once the change is saved. */
  invalidate: QueryKey[];
  /** Said when it worked. */
  success?: string;
  /** A form whose field the server's error names is marked there, rather than in a toast. */
  form?: FormInstance;
  onDone?: (result: TResult) => void;
}

/** A change sent to the server: refreshes what it touched, and says what went wrong in the person's language. */
export function useDeskMutation<TVars, TResult = unknown>(fn: (vars: TVars) => Promise<TResult>, options: Options<TResult>) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await Promise.all(options.invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
      if (options.success) message.success(options.success);
      options.onDone?.(result);
    },
    onError: (error) => {
      const field = error instanceof ApiError ? error.field : undefined;
      const text = errorMessage(t, error);
      if (options.form && field && options.form.getFieldInstance(field.split('.'))) {
        options.form.setFields([{ name: field.split('.'), errors: [text] }]);
      } else {
        message.error(text);
      }
    },
  });
}
