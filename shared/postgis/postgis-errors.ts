/** Why a team-database call failed, in words a user can act on (Indonesian / English). */
export type PostgisFailure =
  | 'unreachable'
  | 'bad-login'
  | 'no-database'
  | 'no-postgis'
  | 'not-set-up'
  | 'no-rights'
  | 'tls-required'
  | 'tls-untrusted'
  | 'tls-unavailable'
  | 'bad-value'
  | 'unknown-table'
  | 'unknown-feature'
  | 'table-exists'
  | 'no-table'
  | 'connection-lost'
  | 'timeout'
  | 'commit-unknown'
  | 'no-connection'
  | 'server';

const POSTGIS_FAILURE_MESSAGES: Record<PostgisFailure, string> = {
  unreachable:
    'Server basis data tidak dapat dihubungi (periksa host, port dan jaringan) / the database server cannot be reached (check host, port and network)',
  'bad-login': 'Nama pengguna atau kata sandi salah / wrong user name or password',
  'no-database': 'Basis data itu tidak ada di server / that database does not exist on the server',
  'no-postgis':
    'PostGIS belum dipasang di basis data ini (CREATE EXTENSION postgis) / PostGIS is not installed in this database',
  'not-set-up':
    'Basis data belum disiapkan untuk Rumija (jalankan resources/postgis/rumija-setup.sql) / the database is not set up for Rumija (run resources/postgis/rumija-setup.sql)',
  'no-rights':
    'Server menolak: peran Anda tidak memberi hak ini (rumija_viewer membaca, rumija_editor mengubah, rumija_admin menerbitkan) / refused by the server: your role does not allow this (viewer reads, editor edits, admin publishes)',
  'tls-required': 'Server meminta koneksi TLS / the server requires a TLS connection',
  'tls-untrusted':
    'Sertifikat TLS server tidak tepercaya atau tidak cocok dengan nama host: berikan berkas sertifikat CA dari dinas (formulir: "Sertifikat CA", CLI: --tls-ca) / the server\'s TLS certificate is not trusted or does not match the host name: give the department\'s CA certificate file (form: "CA certificate", CLI: --tls-ca)',
  'tls-unavailable':
    'Server tidak menawarkan TLS, jadi tidak ada yang dikirim: minta admin menyalakan ssl di server; "Tanpa TLS" hanya untuk server di komputer ini atau jaringan yang Anda percaya / the server does not offer TLS, so nothing was sent: ask the admin to turn ssl on; choose "No TLS" only for a server on this computer or a network you trust',
  'bad-value':
    'Nilai yang tidak diterima tabel, jadi tidak ada yang dikirim; perbaiki fitur dan kolom ini lalu coba lagi / values the table does not take, so nothing was sent; fix these features and fields and try again',
  'unknown-table':
    'Tidak ada lapisan terbit dengan nama tabel itu di server / no layer is published under that table name on the server',
  'unknown-feature':
    'Fitur dengan id itu tidak ada di tabel ini dan tidak punya riwayat / no feature with that id is in this table or its history',
  'table-exists': 'Tabel dengan nama itu sudah ada / a table with that name already exists',
  'no-table': 'Tabel lapisan tidak ada lagi di server / the layer table is no longer on the server',
  'connection-lost':
    'Koneksi terputus; tidak ada yang berubah di server, perubahan Anda tetap tersimpan di sini / the connection was lost; nothing changed on the server, your changes are kept here',
  timeout:
    'Server tidak menjawab dalam batas waktu (jaringan terputus atau server sibuk); transaksi dibatalkan, tidak ada yang berubah di server dan perubahan Anda tetap tersimpan di sini — coba lagi / the server did not answer in time (network cut or server busy); the transaction was abandoned, nothing changed on the server and your changes are kept here — try again',
  'commit-unknown':
    'Koneksi terputus saat menyimpan (COMMIT): server mungkin sudah menyimpan perubahan ini. Sinkronkan lagi — perubahan yang sudah sampai kembali sebagai milik Anda, bukan konflik / the connection was lost while saving (COMMIT): the server may have saved these changes. Sync again — changes that arrived come back as your own, not as conflicts',
  'no-connection': 'Belum terhubung ke basis data tim / not connected to the team database',
  server: 'Server basis data menolak permintaan / the database server refused the request',
};

/** An error that says which failure it is, with the server's own words when there are any. */
export class PostgisError extends Error {
  constructor(
    readonly failure: PostgisFailure,
    readonly detail: string | null = null,
  ) {
    super(detail ? `${POSTGIS_FAILURE_MESSAGES[failure]} (${detail})` : POSTGIS_FAILURE_MESSAGES[failure]);
    this.name = 'PostgisError';
  }
}
