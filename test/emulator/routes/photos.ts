// User photos: SmallPhotoUrl/FullPhotoUrl point here; an SVG avatar with the user's initials.
import type { Reply } from '../http/router';
import type { Org } from '../org';

const COLOURS = ['#0176d3', '#2e844a', '#dd7a01', '#ba0517', '#9050e9', '#0b827c', '#706e6b'];

export function registerPhotoRoutes(org: Org): void {
  org.router.add({
    method: 'GET',
    kind: 'public',
    pattern: /^\/profilephoto\/(?<id>\w+)\/(?<size>[TF])\/?$/,
    handle: (ctx): Reply => {
      const users = ctx.org.store.table('User')!;
      const row = users.rowOf(ctx.params.id!);
      if (row < 0) return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' };
      const first = String(users.column('FirstName')!.get(row) ?? '');
      const last = String(users.column('LastName')!.get(row) ?? '');
      const initials = `${first.charAt(0)}${last.charAt(0)}`.toUpperCase().replace(/[^A-Z0-9]/g, '');
      const size = ctx.params.size === 'F' ? 200 : 64;
      const colour = COLOURS[row % COLOURS.length];
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="${colour}"/><text x="32" y="40" font-family="Arial, sans-serif" font-size="24" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
      return { status: 200, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' }, body: svg };
    }
  });
}
