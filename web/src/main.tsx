import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { I18nProvider } from './i18n/i18n';
import { SessionProvider } from './session/session';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button text above WCAG AA contrast (4.5:1).
  primaryShade: 8,
  // Noto Sans KR / CJK first: Hangul must never fall back to boxes.
  fontFamily: "'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', system-ui, sans-serif",
  headings: { fontFamily: "'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', system-ui, sans-serif" },
});

// Mantine's default dimmed grey (gray.6) is below 4.5:1 on white.
const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    // Light-variant buttons, active links, badges and error texts: dark enough on their pale backgrounds.
    '--mantine-color-blue-light-color': resolved.colors.blue[9],
    '--mantine-color-red-light-color': resolved.colors.red[9],
    '--mantine-color-green-light-color': resolved.colors.green[9],
    '--mantine-color-yellow-light-color': resolved.colors.yellow[9],
    '--mantine-color-gray-light-color': resolved.colors.gray[8],
    '--mantine-color-error': resolved.colors.red[8],
    '--mantine-color-placeholder': resolved.colors.gray[6],
  },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
