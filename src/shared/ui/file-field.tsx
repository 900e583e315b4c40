/**
 * A labelled file input with its help text; the chosen file is handed over and the input cleared,
 * so choosing the same file again still counts.
 *
 * The browser's own file input is hidden and a button of the app's opens it: the browser's says "Choose File /
 * No file chosen" in the browser's language, whatever the page's (and "no file chosen" even after a file was
 * read, since the input is cleared). The label stays the input's, so clicking it opens the file chooser too;
 * the button is what a keyboard reaches, described by the label and the help.
 */
import { useRef } from 'react';
import { useTranslation } from '@/i18n/react';

type Props = {
  id: string;
  label: string;
  help: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File) => void;
};

export function FileField({ id, label, help, accept, disabled, onFile }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <label htmlFor={id} id={`${id}-label`} className="question-label">
        {label}
      </label>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        accept={accept}
        aria-describedby={`${id}-help`}
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" className="button secondary file-button" aria-describedby={`${id}-label ${id}-help`} disabled={disabled} onClick={() => input.current?.click()}>
        {t('app.chooseFile')}
      </button>
    </>
  );
}
