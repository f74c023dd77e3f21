import type { ReactNode } from 'react';

/** A wide table on a narrow screen: scrolls sideways, and keyboard users can focus it to scroll. */
export function ScrollRegion({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <div tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
