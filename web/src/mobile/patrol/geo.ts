/** Where the phone is, and ids it makes for what it records. */
export interface Position {
  lon: number;
  lat: number;
  accuracyM: number;
}

/** `maxAgeMs`: a check-in wants a fresh fix; a finding may take one from moments ago. */
export function currentPosition(maxAgeMs = 30_000): Promise<Position | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (found) =>
        resolve({ lon: found.coords.longitude, lat: found.coords.latitude, accuracyM: Math.round(found.coords.accuracy) }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: maxAgeMs },
    );
  });
}

/** A UUID for the server's clientId fields; crypto.randomUUID exists only in secure contexts. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
