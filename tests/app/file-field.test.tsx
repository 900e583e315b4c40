// @vitest-environment jsdom
/**
 * A file field in the page's language: the app's own button opens the file chooser (the browser's input, which
 * speaks the browser's language, is hidden), and the chosen file is read.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageProvider, useLanguage } from '@/app/language';
import { FileField } from '@/shared/ui/file-field';

function Field({ onFile }: { onFile: (file: File) => void }) {
  const { lang, setLang } = useLanguage();
  return (
    <>
      <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {lang === 'zh' ? 'English' : '中文'}
      </button>
      <FileField id="members" label="会员文件" help="CSV 或 Excel" accept=".csv" onFile={onFile} />
    </>
  );
}

it('opens the file chooser from a button in the page\'s language, described by the label and the help, and reads the file chosen', async () => {
  const user = userEvent.setup();
  const onFile = vi.fn();
  render(
    <LanguageProvider>
      <Field onFile={onFile} />
    </LanguageProvider>,
  );
  const input = screen.getByLabelText('会员文件');
  expect(input).not.toBeVisible();
  const opened = vi.fn();
  input.addEventListener('click', opened);
  const button = screen.getByRole('button', { name: '选择文件…' });
  expect(button).toHaveAccessibleDescription('会员文件 CSV 或 Excel');
  await user.click(button);
  expect(opened).toHaveBeenCalledTimes(1);

  await user.upload(input, new File(['name\n'], 'members.csv', { type: 'text/csv' }));
  expect(onFile).toHaveBeenCalledWith(expect.objectContaining({ name: 'members.csv' }));

  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByRole('button', { name: 'Choose a file…' })).toBeInTheDocument();
});
