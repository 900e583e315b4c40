/**
 * The files a test's page downloads (src/features/report/download.ts makes an object URL and clicks a link to
 * it): captured instead of saved, with their names and contents. Call in a beforeEach; the list is the test's.
 */
import { vi } from 'vitest';

export type Download = { name: string; text: Promise<string>; blob: Blob };

export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  let lastBlob: Blob | undefined;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    lastBlob = blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: lastBlob!.text(), blob: lastBlob! });
  });
  return downloads;
}
