/**
 * The last guard: if rendering fails, a plain sentence instead of a blank pane. Plain HTML, so
 * it shows even when the theme or a component library is what failed.
 */
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

export interface PaneErrorBoundaryProps {
  readonly message: string;
  readonly children: ReactNode;
  readonly onError?: (error: unknown, info: ErrorInfo) => void;
}

export class PaneErrorBoundary extends Component<PaneErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <div role="alert" style={{ padding: 12, fontFamily: 'Segoe UI, Arial, sans-serif', fontSize: 14, lineHeight: 1.4 }}>
          {this.props.message}
        </div>
      );
    }
    return this.props.children;
  }
}
