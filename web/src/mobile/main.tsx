import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../shared/i18n.tsx';
import { queryClient } from '../shared/query-client.ts';
import { MobileApp } from './MobileApp.tsx';
import './mobile.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <MobileApp />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
