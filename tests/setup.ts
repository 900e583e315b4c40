import '@testing-library/jest-dom/vitest';

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
