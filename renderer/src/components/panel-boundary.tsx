import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '#shared/format/message-of';

interface BoundaryProps {
  /** What failed, in the UI language ("Tabel atribut"). */
  name: string;
  children: ReactNode;
  /** Shown instead of the failed part; gets the message and a way to try again. */
  fallback: (message: string, retry: () => void) => ReactNode;
}

class Boundary extends Component<BoundaryProps, { error: unknown; failed: boolean }> {
  state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`Rumija: ${this.props.name} failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return this.props.fallback(messageOf(this.state.error), () => this.setState({ error: null, failed: false }));
  }
}

/**
 * Keeps a failure inside one panel: the panel is replaced by what went wrong and a "try again" button,
 * while the map, the other panels and the data stay as they were.
 */
export function PanelBoundary({
  name,
  children,
  inline = false,
}: {
  name: string;
  children: ReactNode;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Boundary
      name={name}
      fallback={(message, retry) => (
        <div className={`panel-failure${inline ? ' inline' : ''}`} role="alert" data-testid="panel-failure">
          <strong>{t('errors.panelFailed', { name })}</strong>
          <span className="panel-failure-message">{message}</span>
          <span className="muted">{t('errors.panelFailedHint')}</span>
          <button type="button" data-testid="panel-retry" onClick={retry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
    >
      {children}
    </Boundary>
  );
}

/** The last line: if the whole app fails to render, say so and offer a reload (the data is in IndexedDB). */
export function AppBoundary({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Boundary
      name="Rumija"
      fallback={(message) => (
        <div className="panel-failure app-failure" role="alert" data-testid="app-failure">
          <strong>{t('errors.appFailed')}</strong>
          <span className="panel-failure-message">{message}</span>
          <span className="muted">{t('errors.panelFailedHint')}</span>
          <button type="button" onClick={() => location.reload()}>
            {t('errors.reload')}
          </button>
        </div>
      )}
    >
      {children}
    </Boundary>
  );
}
