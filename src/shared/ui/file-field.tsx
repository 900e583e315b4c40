/**
 * A labelled file input with its help text; the chosen file is handed over and the input cleared,
 * so choosing the same file again still counts.
 */
type Props = {
  id: string;
  label: string;
  help: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File) => void;
};

export function FileField({ id, label, help, accept, disabled, onFile }: Props) {
  return (
    <>
      <label htmlFor={id} className="question-label">
        {label}
      </label>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-help`}
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
