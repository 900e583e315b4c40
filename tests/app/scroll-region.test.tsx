// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScrollRegion } from '@/shared/ui/scroll-region';

/** jsdom lays nothing out: the region's widths are given, as a phone's and a wide screen's would be. */
function widths(scrollWidth: number, clientWidth: number) {
  vi.spyOn(Element.prototype, 'scrollWidth', 'get').mockReturnValue(scrollWidth);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
}

afterEach(() => vi.restoreAllMocks());

function Table() {
  return (
    <>
      <p id="caption">各条款的结论</p>
      <ScrollRegion labelledBy="caption">
        <table aria-labelledby="caption">
          <tbody>
            <tr>
              <td>（一）</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

describe('a wide table on a narrow screen', () => {
  it('says the table scrolls sideways, and the region is described by it', () => {
    widths(900, 340);
    render(<Table />);
    const region = screen.getByRole('region', { name: '各条款的结论' });
    expect(region).toHaveAccessibleDescription('表格较宽：左右滑动可查看其余各列。');
    expect(screen.getByText('表格较宽：左右滑动可查看其余各列。')).toBeVisible();
  });

  it('shades the right edge until the table is scrolled to its end', () => {
    widths(900, 340);
    render(<Table />);
    const region = screen.getByRole('region', { name: '各条款的结论' });
    expect(region.parentElement).toHaveClass('more-right');
    act(() => {
      region.scrollLeft = 560;
      region.dispatchEvent(new Event('scroll'));
    });
    expect(region.parentElement).not.toHaveClass('more-right');
    // The hint stays: the columns to the left are still out of view.
    expect(screen.getByText('表格较宽：左右滑动可查看其余各列。')).toBeVisible();
  });

  it('says nothing when the table fits', () => {
    widths(600, 600);
    render(<Table />);
    expect(screen.queryByText(/左右滑动/)).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: '各条款的结论' })).not.toHaveAccessibleDescription();
  });
});
