/**
 * The Content-Security-Policy of the app: only this origin, no inline scripts, no eval. The one inline
 * element allowed is the first screen's stylesheet, inlined by the build (cspPlugin) and named by its hash.
 * Served as a <meta> tag in the built index.html and as a header by `vite preview`, the same policy in both.
 * (frame-ancestors only works as a header.)
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The policy; `styleHashes`: the inline stylesheets allowed ('sha256-…' sources). */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((h) => `'${h}'`)].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers `vite preview` sends besides the policy (which follows the built page: see cspPlugin). */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A CSP hash source of an inline element's text. */
function sha256Source(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/g;
const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

/**
 * Vite plugin:
 * - build: the first screen's stylesheet goes into index.html as a <style> (a request less before the first
 *   screen; on the first question at 4× CPU throttling, `npm run bench`, its gain was within this machine's noise),
 *   and the policy goes in as a <meta> tag allowing that stylesheet by its hash. The lazy views' stylesheets stay files. The entry script
 *   becomes render-blocking in its place (see below).
 * - preview: the policy as a header too, read from the built page's <meta> (so both always agree).
 * Not in dev, where Vite's client needs inline scripts and injects styles itself.
 */
export function cspPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'policy-self-check:csp',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html; // Dev.
        const hashes: string[] = [];
        const inlined = html.replace(STYLESHEET_LINK, (link, file: string) => {
          const asset = context.bundle![file];
          if (asset?.type !== 'asset') return link;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          if (/<\/style/i.test(css)) throw new Error(`${file} contains "</style", which would end the inlined stylesheet early`);
          hashes.push(sha256Source(css));
          // The link stays, disabled (never fetched): Vite's loader of the lazy screens, which lists this stylesheet
          // among their dependencies, sees it is on the page and does not fetch and apply it a second time.
          return `<style>${css}</style><link rel="stylesheet" href="/${file}" disabled>`;
        });
        // The first screen is painted once the entry script has run (src/boot.ts: the stored language applied, "start"
        // answering), not before it: without this, the inlined styles let the page paint while the script was still on
        // its way (on a slow network: Chinese shown to an English user, then replaced; a press on "start" lost).
        const entry = /<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/;
        if (!entry.test(inlined)) throw new Error('index.html has no entry <script type="module"> to make render-blocking');
        const blocking = inlined.replace(entry, (tag) => tag.replace('<script ', '<script blocking="render" '));
        // Right after the charset (which must come in the first 1,024 bytes), before any element it governs.
        const charset = /<meta charset="UTF-8" ?\/?>/i;
        if (!charset.test(blocking)) throw new Error('index.html has no <meta charset="UTF-8"> to put the Content-Security-Policy after');
        const policy = contentSecurityPolicy(hashes).replaceAll("'", '&#39;');
        return blocking.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
      },
    },
    configurePreviewServer(server) {
      const page = resolve(outDir, 'index.html');
      let cached: { mtime: number; policy: string } | null = null;
      const policy = () => {
        const mtime = statSync(page, { throwIfNoEntry: false })?.mtimeMs;
        // Not built: nothing to serve, nothing inlined.
        if (mtime === undefined) return `${contentSecurityPolicy()}; frame-ancestors 'none'`;
        if (cached?.mtime !== mtime) {
          const meta = META.exec(readFileSync(page, 'utf8'))?.[1]?.replaceAll('&#39;', "'");
          if (meta === undefined) throw new Error(`${page} has no Content-Security-Policy <meta>: was it built by this project's vite.config.ts?`);
          cached = { mtime, policy: `${meta}; frame-ancestors 'none'` };
        }
        return cached.policy;
      };
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy());
        next();
      });
    },
  };
}
