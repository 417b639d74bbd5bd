import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './api.ts';
import type { Me } from './types.ts';

/** Who is signed in: null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSession() {
  const client = useQueryClient();
  return {
    async login(username: string, password: string) {
      const { user } = await api<{ user: Me }>('/api/auth/login', { body: { username, password } });
      client.setQueryData(['me'], user);
      return user;
    },
    async logout() {
      await api('/api/auth/logout', { method: 'POST' });
      client.clear();
      client.setQueryData(['me'], null);
    },
  };
}

export const hasPermission = (me: Me | null | undefined, permission: string) => me?.permissions.includes(permission) ?? false;
export const hasRole = (me: Me | null | undefined, role: string) => me?.roles.some((r) => r.role === role) ?? false;

/** Where a person works after signing in: field workers on the phone app, office roles at the desk. */
export function homeFor(me: Me): string {
  if (hasRole(me, 'grid_worker') || hasRole(me, 'patrol_volunteer')) return '/field';
  if (me.roles.every((r) => r.role === 'resident')) return '/';
  return '/desk';
}
