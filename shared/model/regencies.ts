/** The 22 regencies and cities of NTT by BPS code (GeoNames admin2 uses the same codes). */
export const NTT_REGENCIES: Record<string, string> = {
  '5301': 'Kabupaten Sumba Barat',
  '5302': 'Kabupaten Sumba Timur',
  '5303': 'Kabupaten Kupang',
  '5304': 'Kabupaten Timor Tengah Selatan',
  '5305': 'Kabupaten Timor Tengah Utara',
  '5306': 'Kabupaten Belu',
  '5307': 'Kabupaten Alor',
  '5308': 'Kabupaten Lembata',
  '5309': 'Kabupaten Flores Timur',
  '5310': 'Kabupaten Sikka',
  '5311': 'Kabupaten Ende',
  '5312': 'Kabupaten Ngada',
  '5313': 'Kabupaten Manggarai',
  '5314': 'Kabupaten Rote Ndao',
  '5315': 'Kabupaten Manggarai Barat',
  '5316': 'Kabupaten Sumba Tengah',
  '5317': 'Kabupaten Sumba Barat Daya',
  '5318': 'Kabupaten Nagekeo',
  '5319': 'Kabupaten Manggarai Timur',
  '5320': 'Kabupaten Sabu Raijua',
  '5321': 'Kabupaten Malaka',
  '5371': 'Kota Kupang',
};

export function regencyName(code: string | null): string {
  if (!code) return '—';
  return NTT_REGENCIES[code] ?? code;
}
