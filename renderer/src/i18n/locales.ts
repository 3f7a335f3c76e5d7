/** Every UI string, Bahasa Indonesia first. Keys are grouped by screen area. */
export const id = {
  app: {
    title: 'Rumija',
    subtitle: 'Aset Jalan & RUMIJA Provinsi NTT',
    department: 'Dinas PUPR Provinsi Nusa Tenggara Timur',
  },
  language: { label: 'Bahasa', id: 'Indonesia', en: 'English', switchTo: 'Switch to English' },
  map: {
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
    resetBearing: 'Arahkan ke utara',
    fitProvince: 'Seluruh provinsi',
    loading: 'Memuat peta…',
    offline: 'Peta dasar luring (tanpa internet)',
    noWebgl: 'Peta tidak dapat ditampilkan: WebGL tidak tersedia di komputer ini.',
  },
  coordinates: {
    label: 'Koordinat kursor',
    decimal: 'Derajat desimal',
    utm: 'UTM (WGS 84)',
    outside: 'Arahkan kursor ke peta',
  },
  attribution: {
    sources: 'Peta dasar: © kontributor OpenStreetMap (ODbL) · Tempat: GeoNames (CC BY 4.0) · Pulau: idn-area-data',
  },
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof id> = {
  app: {
    title: 'Rumija',
    subtitle: 'Road & Right-of-Way Assets, NTT Province',
    department: 'Public Works and Housing Agency (PUPR), East Nusa Tenggara Province',
  },
  language: { label: 'Language', id: 'Indonesia', en: 'English', switchTo: 'Ganti ke Bahasa Indonesia' },
  map: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetBearing: 'Reset north',
    fitProvince: 'Whole province',
    loading: 'Loading map…',
    offline: 'Offline basemap (no internet needed)',
    noWebgl: 'The map cannot be shown: WebGL is not available on this computer.',
  },
  coordinates: {
    label: 'Cursor coordinates',
    decimal: 'Decimal degrees',
    utm: 'UTM (WGS 84)',
    outside: 'Move the cursor over the map',
  },
  attribution: {
    sources: 'Basemap: © OpenStreetMap contributors (ODbL) · Places: GeoNames (CC BY 4.0) · Islands: idn-area-data',
  },
};
