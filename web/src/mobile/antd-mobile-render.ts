import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

/**
 * antd-mobile 5 draws its imperative pieces (Dialog.confirm, Toast.show, ImageViewer.Multi.show)
 * with the React 18 render API, which React 19 no longer has: give it React 19's root instead,
 * as antd-mobile's guide for React 19 says. Without this those calls silently show nothing.
 */
const roots = new WeakMap<Element | DocumentFragment, Root>();

unstableSetRender((node, container) => {
  const root = roots.get(container) ?? createRoot(container);
  roots.set(container, root);
  root.render(node);
  return async () => {
    // Let the closing animation's last frame run before the root goes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});
