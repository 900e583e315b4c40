import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';
// Every language's catalogue, as the CLI has them (in the browser, English loads when chosen: src/i18n/index.ts loadLanguage).
import '@/i18n/english';

// jsdom's Blob has no text() (browsers and Node do): read it with jsdom's FileReader instead.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.text !== 'function' && typeof FileReader !== 'undefined') {
  Blob.prototype.text = function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}

// Lazily loaded screens are transformed on first use in the test run: on two busy cores that can take longer
// than Testing Library's default second for a findBy.
configure({ asyncUtilTimeout: 4000 });

// A tab's session (the workspace's last undo) ends with each test, as a new tab would have none.
if (typeof sessionStorage !== 'undefined') afterEach(() => sessionStorage.clear());
