import type { ProblemTable } from './word-problem';

/** The command line's own words in Bahasa Indonesia (usage, output, refusals): the `cli.` codes of the problem tables. */
export const cliProblemsId = {
  badLanguage: '--lang "{{value}}": pilih id atau en',
  databaseError: 'Basis data tim: {{problem}}',
  option: '{{option}}: {{problem}}',
  badArgument: 'Argumen tidak sah: {{detail}}\n{{usage}}',
  required: '{{option}} wajib\n{{usage}}',
  cannotRead: '{{path}}: tidak dapat dibaca ({{reason}})',
  feature: '{{file}}, fitur {{number}}',
  featureWithId: '{{file}}, fitur {{number}} (id {{id}})',
  total: 'Jumlah: {{total}} ({{short}})',
  badOutWorkbook: '--out harus .xlsx atau .json: {{out}}',
  cannotWrite: '{{path}}: tidak dapat ditulis ({{reason}})',
  analyze: {
    unknownCommand: 'Perintah tidak dikenal: {{command}}\n{{usage}}',
    badOut: '--out harus .geojson atau .csv: {{out}}',
    badPeriod: '--period harus > 0: {{value}}',
    badPaying: '--paying harus 0..1: {{value}}',
    badUnknownCategory: '--unknown-category harus refuse atau lainnya: {{value}}',
    warning: 'PERINGATAN: {{warning}}',
    skipped_other: '{{file}}: {{count}} fitur dilewati ({{notes}})',
    roadNotLine: '{{where}}: ruas jalan harus garis, bukan {{type}}',
    categoryRequired: 'kategori wajib',
    unknownCategory:
      '{{where}}: category: kategori tidak dikenal "{{category}}" — petakan dengan --category-map <map.json>, atau hitung sebagai "lainnya" dengan --unknown-category lainnya ({{categories}})',
    badCategoryMap: '{{path}}: pemetaan kategori tidak sah: "{{field}}": {{detail}} ({{categories}})',
    exampleTariff: 'tarif contoh dipakai (bukan tarif resmi NTT) — berikan --tariff <schedule.json>',
    badJson: '{{path}}: JSON tidak sah: {{detail}}',
    badTariff: '{{path}}: jadwal tarif tidak sah: {{field}}: {{detail}}',
    tariffIsExample: 'jadwal tarif ini ditandai sebagai contoh',
    projectTariffIsExample: 'tarif proyek ditandai sebagai contoh',
    summary: 'Ruas: {{roads}} · aset: {{assets}} · di dalam RUMIJA: {{inside}} · {{seconds}} s',
    schedule: 'Jadwal tarif: {{name}} (v{{version}})',
    scheduleExample: 'Jadwal tarif: {{name}} (v{{version}}, CONTOH)',
    potential_other: 'Potensi retribusi ({{count}} th): {{total}} ({{short}})',
    paying: 'Sudah membayar {{percent}}%: potensi tambahan {{amount}}',
    report: 'Laporan: {{path}}',
  },
  db: {
    required: '{{what}}: --db wajib (postgresql://user@host:port/database)',
    notPem: '{{path}}: bukan sertifikat PEM (-----BEGIN CERTIFICATE-----)',
    tlsCaNeedsVerify: '--tls-ca berlaku untuk --tls verify, bukan {{tls}}',
    noPassword: 'PGPASSWORD tidak diisi: kata sandi basis data tim dibaca dari variabel itu (export PGPASSWORD=…)',
    badTls: '--tls harus {{modes}}: {{value}}',
    notUrl: '--db: bukan alamat: {{url}} (postgresql://user@host:5432/database)',
    notPostgres: '--db: harus postgresql://user@host:port/database: {{url}}',
    passwordInUrl: '--db: jangan tulis kata sandi di alamat, pakai PGPASSWORD',
  },
  usage: {
    heading: 'Pemakaian:',
    analyze: `  rumija analyze --roads <roads> --assets <assets> --out <report.geojson|report.csv>
                 (roads, assets, corridors: GeoJSON, CSV, Excel, KML, KMZ, GPX, Shapefile ber-zip, GeoPackage, FlatGeobuf)
                 [--corridors <corridors.geojson>] [--tariff <schedule.json>] [--period <years>] [--paying <0..1>]
                 [--category-map <map.json>] [--unknown-category refuse|lainnya]
                 (lapisan basis data tim: postgis:<table> dengan --db postgresql://user@host:port/database)
  rumija analyze --project <project.rumija> --out <report.geojson|report.csv> [--tariff …] [--period …] [--paying …]
                 (ruas, aset dan koridor dari lapisan proyek; versi tarif terbarunya kecuali ada --tariff)`,
    payments: `  rumija payments import --project <project.rumija> --statement <bank.csv|bank.xlsx>
                 [--confirm] [--out <report.csv>]
                 (mencocokkan kredit rekening koran dengan SKRD terbuka menurut nomor dan jumlah; tanpa --confirm
                  hanya melapor; dengan --confirm mencatat baris yang cocok — tepat, sebagian, lebih — di proyek)`,
    project: `  rumija project info <project.rumija>
                 (lapisan dan jumlahnya, tabel, versi format, checksum; exit 3 bila berkas bukan proyek yang utuh)`,
    sync: `  rumija sync    --db postgresql://user@host:port/database --table <table> --project <layer.geojson>
                 [--take mine|theirs] [--take <feature id>=mine|theirs …]
                 [--tls verify|require|off] [--tls-ca <department-ca.pem>]
                 (pertama kali: menyalin tabel; lalu mengirim perubahan berkas dan mengambil perubahan tim;
                  perubahan pada kolom berbeda dari satu fitur digabung, pada kolom yang sama menjadi konflik)`,
    database: `  Kata sandi dibaca dari PGPASSWORD. TLS: verify (bawaan: sertifikat server diperiksa terhadap CA sistem dan
  --tls-ca, juga namanya), require (terenkripsi, sertifikat tidak diperiksa), off (tanpa enkripsi).
  Exit: 0 selesai, 2 pemakaian salah, 3 masukan buruk (berkas, atau tabel atau id yang tidak ada di server),
  4 keluaran tidak tertulis, 5 konflik menunggu keputusan, 6 basis data tim gagal.
  Bahasa pesan: --lang id|en pada perintah apa pun, jika tidak LANG (en_* → English), jika tidak Bahasa Indonesia.`,
    programme: `  rumija programme (--project <project.rumija> | --roads <roads> [--bridges <bridges>])
                 --budget <rupiah> --out <programme.xlsx|programme.json>
                 [--year <2027>] [--statuses provinsi[,kabupaten…]] [--catalogue <catalogue.json>]
                 (mengisi plafon menurut prioritas; mencetak biaya, km yang ditangani dan kemantapan sebelum dan
                  sesudah; proyek membawa katalog dan status programnya sendiri; --budget 100.000.000.000 atau 100000000000)`,
    assess: `  rumija assess  --project <project.rumija> --corridor <id|name> --period <id|label>
                 --out <assess.xlsx|assess.json> [--issue]
                 (satu penetapan per wajib retribusi, satu baris per aset, dengan versi tarif masa itu; --issue
                  menerbitkan draf dengan nomor berikutnya dan menulis kembali proyek; SKRD yang terbit bersifat final)`,
    notices: `  rumija notices --project <project.rumija> --period <id|label> [--corridor <id|name>]
                 --out <notices.pdf|notices.zip|folder>
                 (SKRD satu masa: satu PDF untuk semua, atau satu PDF per wajib retribusi dalam zip atau folder)`,
    history: `  rumija history --db postgresql://user@host:port/database --table <table> --id <feature id>
                 [--limit <1..{{max}}>] [--json] [--tls verify|require|off] [--tls-ca <department-ca.pem>]
                 (tiap versi: siapa, kapan, aplikasinya, dan kolom yang diubah, sebelum → sesudah; {{newest}}
                  terbaru kecuali --limit; --json mencetak riwayat sebagai JSON)`,
  },
  take: {
    bad: '--take harus mine, theirs atau <id>=mine|theirs: {{value}}',
  },
  project: {
    usage: 'Pemakaian: rumija project info <project.rumija>\n{{usage}}',
    notSqlite: '{{file}}: bukan proyek Rumija maupun GeoPackage',
    truncated: '{{file}}: terpotong ({{actual}} dari {{expected}} bita)',
    corrupt: '{{file}}: rusak ({{detail}})',
    plainGeopackage:
      '{{file}}: GeoPackage biasa, bukan proyek Rumija ({{layers}}); analyze --roads/--assets membacanya',
    notProject: '{{file}}: basis data SQLite, bukan proyek Rumija',
    newerVersion: '{{file}}: dari Rumija yang lebih baru (format {{version}}; versi ini membaca sampai {{supported}})',
    checksumMismatch: '{{file}}: checksum tidak cocok — berubah setelah disimpan',
    noRoadLayer: '{{file}}: tanpa lapisan ruas jalan',
    noAssetLayer: '{{file}}: tanpa lapisan aset',
    name: 'Proyek: {{name}}',
    saved: 'Disimpan: {{savedAt}} (Rumija {{version}})',
    checksumHolds: 'Checksum (SHA-256): {{checksum}} cocok',
    checksumFails: 'Checksum (SHA-256): {{checksum}} TIDAK COCOK',
    layers: 'Lapisan:',
    layer_other: '  {{name}}\t{{kind}}\t{{count}} fitur',
    tables: 'Tabel:',
  },
  internalError: 'Rumija: kesalahan internal: {{detail}}',
  sync: {
    unreadable: '{{file}}: GeoJSON tidak terbaca: {{detail}}',
    notCollection: '{{file}}: bukan FeatureCollection',
    noGeometry: '{{where}}: tanpa geometri',
    repeatedId: '{{where}}: id {{id}} berulang',
    notOverwritten: '{{file}} sudah ada tanpa {{sidecar}}: tidak ditimpa',
    cloned_other: 'Diklon: {{count}} fitur dari {{table}}',
    otherTable: '{{file}} tertaut ke tabel {{linked}}, bukan {{table}}',
    notWaiting: '--take: tidak ada konflik yang menunggu untuk: {{ids}}',
    notWaitingOf: '--take: tidak ada konflik yang menunggu untuk: {{ids}} (menunggu: {{waiting}})',
    assigned_other: '{{count}} fitur baru diberi id',
    report: 'Dikirim: {{pushed}} diubah/baru, {{deleted}} dihapus · diterima: {{pulled}} · konflik: {{conflicts}}',
    conflict: 'KONFLIK {{id}}: {{change}}',
    conflictDeletedHere: 'KONFLIK {{id}}: {{change}}, dihapus di sini',
    deletedBy: 'dihapus oleh {{who}}',
    changedBy: 'diubah oleh {{who}} (v{{version}})',
    takeHint: '→ rumija sync … --take mine|theirs, atau per fitur --take <id>=mine|theirs',
  },
  assess: {
    noTariffVersion: '{{file}}: masa "{{period}}": versi tarif {{schedule}} v{{version}} tidak ada di proyek',
    ambiguousPeriod:
      '{{file}}: "{{period}}" ada di lebih dari satu program ({{programmes}}); sebut koridornya dengan id',
    alreadyIssued:
      '{{file}}: masa "{{period}}" ({{periodId}}) koridor {{corridor}} sudah diterbitkan: {{issued}} SKRD {{first}} … {{last}}. SKRD yang terbit bersifat final; koreksi dengan revisi',
    nothingToIssue:
      '{{file}}: tidak ada penetapan yang dapat diterbitkan untuk "{{period}}" (aset koridor tanpa wajib retribusi: {{unlinked}})',
    numberPattern: '{{file}}: pola nomor "{{pattern}}": {{problems}}',
    exampleTariff: 'tarif CONTOH, bukan tarif resmi NTT',
    heading: 'Penetapan: {{programme}} · {{period}} · {{schedule}} (v{{version}}) · {{seconds}} s',
    counts: 'SKRD: {{skrd}} ({{issued}} terbit, {{drafts}} draf) · baris aset: {{lines}}',
    issued: 'Diterbitkan: {{issued}} SKRD {{first}} … {{last}}',
    unchanged: '{{issued}} SKRD sudah terbit, tidak berubah',
    unlinked_other: '{{count}} aset koridor tanpa wajib retribusi, tidak ditetapkan ({{ids}})',
    untariffed_other: '{{count}} aset tanpa tarif yang cocok, tidak ditetapkan ({{ids}})',
    written: 'Penetapan: {{out}}',
    writtenWithProject: 'Penetapan: {{out}} · proyek: {{project}}',
  },
  payments: {
    kind: {
      exact: 'cocok',
      partial: 'sebagian',
      over: 'lebih bayar',
      'amount-only': 'hanya jumlah, perlu konfirmasi',
      duplicate: 'ganda',
      'already-recorded': 'sudah dicatat',
      unmatched: 'tidak cocok',
    },
    noDateColumn: '{{file}}: kolom tanggal tidak ada',
    noAmountColumn: '{{file}}: kolom kredit/jumlah tidak ada',
    badDate: '{{file}}, baris {{row}}, tanggal: "{{value}}" bukan tanggal',
    badAmount: '{{file}}, baris {{row}}, kredit: "{{value}}" bukan rupiah bulat',
    badWorkbook: '{{file}}: buku kerja Excel tidak dapat dibaca: {{detail}}',
    noSheet: '{{file}}: tidak ada lembar berisi data',
    badOut: '--out harus .csv: {{out}}',
    badStatement: '--statement harus .csv atau .xlsx: {{statement}}',
    refused: '{{problems}}\nTidak ada yang dicatat.',
    refusedMore: '{{problems}}\n… {{more}} lagi\nTidak ada yang dicatat.',
    summary: '{{file}}: {{credits}} kredit · {{skipped}} baris dilewati (debet, saldo)',
    kindLine: '{{kind}}: {{lines}} · {{amount}} (baris {{rows}})',
    notRecorded: 'baris {{row}}: {{date}} {{amount}} "{{reference}}" — {{kind}}, tidak dicatat',
    recorded_other: 'Dicatat: {{count}} pembayaran · {{amount}} · {{project}}',
    payment: '{{date}} {{amount}} {{obligor}} → {{allocations}}',
    paymentWithCredit: '{{date}} {{amount}} {{obligor}} → {{allocations}} · kredit {{credit}}',
    ready_other: 'Belum dicatat: {{count}} baris siap; jalankan lagi dengan --confirm',
  },
  programme: {
    badBudget: '--budget "{{text}}": bukan jumlah rupiah bulat',
    badBudgetHint: '--budget "{{text}}": bukan jumlah rupiah bulat ({{hint}}?)',
    unknownStatuses: '--statuses: {{unknown}} tidak dikenal ({{statuses}})',
    notJson: '{{file}}: bukan JSON ({{detail}})',
    projectOrRoads: '--project atau --roads wajib\n{{usage}}',
    notBoth: '--project atau --roads, tidak keduanya\n{{usage}}',
    badYear: '--year harus tahun 2000–2100: {{value}}',
    exampleCosts: 'harga satuan CONTOH, bukan harga resmi',
    heading: 'Program {{year}} · {{statuses}} · {{catalogue}} (v{{version}}) · {{seconds}} s',
    ceiling: 'Plafon: {{amount}} ({{short}})',
    funded: 'Terprogram: {{amount}} ({{short}})',
    remaining: 'Sisa: {{amount}}',
    needed: 'Kebutuhan: {{amount}} ({{short}})',
    candidates: 'Usulan: {{funded}} dari {{total}} terprogram ({{roads}} ruas, {{bridges}} jembatan)',
    roadsHandled: 'Jalan ditangani: {{km}} km',
    bridgesHandled: 'Jembatan ditangani: {{m}} m',
    roadsNotReached: 'Jalan belum tertangani: {{km}} km',
    kemantapan: 'Kemantapan: {{before}} → {{after}}',
    noCondition: 'Tanpa kondisi, dilewati: {{features}}',
    noHandling: 'Tanpa penanganan menurut aturan: {{features}}',
    noPrice: 'Tanpa harga satuan, dilewati: {{features}}',
    written: 'Program: {{path}}',
  },
  retribution: {
    noProgramme: '{{file}}: tidak ada program penertiban untuk koridor "{{corridor}}" (ada: {{programmes}})',
    noProgrammeAtAll: '{{file}}: tidak ada program penertiban untuk koridor "{{corridor}}" (proyek tanpa program)',
    periodNotFound: '{{file}}: masa retribusi tidak ditemukan: "{{period}}" (ada: {{periods}})',
    projectNotWritten: '{{file}}: proyek tidak dapat ditulis, tidak ada yang berubah ({{reason}})',
  },
  notices: {
    badOut: '--out harus .pdf, .zip atau folder: {{target}}',
    noAssessments: '{{file}}: masa "{{period}}" belum punya penetapan (rumija assess … --issue)',
    written: 'SKRD: {{notices}} (draf: {{drafts}}) · berkas: {{files}} · rata-rata {{kilobytes}} KB · {{seconds}} s',
    writtenTo: 'Pemberitahuan: {{target}}',
    writtenToFolder: 'Pemberitahuan: {{target}} (folder)',
  },
  history: {
    operation: { insert: 'tambah', update: 'ubah', delete: 'hapus' },
    geometry_other: '{{type}}, {{count}} titik',
    changedAs: '{{who}} (sebagai {{role}})',
    heading_other: 'Riwayat: rumija.{{table}}, fitur {{id}} — {{count}} perubahan, kini v{{version}}',
    headingDeleted_other: 'Riwayat: rumija.{{table}}, fitur {{id}} — {{count}} perubahan, kini terhapus',
    newestOf: '({{shown}} terbaru dari {{total}}: --limit untuk lebih)',
    none: 'Belum ada riwayat: fitur ini belum berubah sejak riwayat dipasang',
    noValuesChanged: '(tanpa perubahan nilai)',
    badLimit: '--limit harus 1..{{max}}: {{value}}',
  },
} satisfies ProblemTable;
