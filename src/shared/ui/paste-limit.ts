/**
 * A text field with a maxLength cuts what is pasted into it beyond that, silently: `usePasteLimit` notices it, so
 * that the field can say so (a name pasted from a document, a whole paragraph by mistake).
 */
import { useState, type ChangeEvent, type ClipboardEvent } from 'react';

export function usePasteLimit(): { cut: boolean; onPaste: (e: ClipboardEvent<HTMLInputElement>) => void; onChange: (e: ChangeEvent<HTMLInputElement>) => void } {
  const [cut, setCut] = useState(false);
  return {
    cut,
    onPaste: (e) => {
      const input = e.currentTarget;
      const pasted = e.clipboardData.getData('text').length;
      const replaced = (input.selectionEnd ?? input.value.length) - (input.selectionStart ?? input.value.length);
      setCut(input.maxLength > 0 && input.value.length - replaced + pasted > input.maxLength);
    },
    // Once the text is shorter than the limit again, what was said no longer holds.
    onChange: (e) => {
      if (e.currentTarget.maxLength > 0 && e.currentTarget.value.length < e.currentTarget.maxLength) setCut(false);
    },
  };
}
