/** Why a file could not be written, in words a user can act on (both languages), from a Node error code. */
export function describeWriteError(fileName: string, code: string | undefined, detail: string): string {
  const reasons: Record<string, string> = {
    EBUSY:
      'berkas sedang dibuka program lain (mis. Excel); tutup lalu coba lagi / the file is open in another program (e.g. Excel); close it and try again',
    EPERM:
      'tidak ada izin menulis di sini, atau berkas sedang dibuka program lain / no permission to write here, or the file is open in another program',
    EACCES: 'tidak ada izin menulis di folder ini / no permission to write in this folder',
    EROFS: 'folder ini hanya-baca / this folder is read-only',
    ENOSPC: 'disk penuh / the disk is full',
    EDQUOT: 'kuota disk habis / the disk quota is used up',
    ENAMETOOLONG:
      'nama atau jalur berkas terlalu panjang; pilih nama lebih pendek / the file name or path is too long; choose a shorter one',
    ENOENT: 'folder tujuan tidak ada lagi / the target folder no longer exists',
    EISDIR: 'yang dipilih adalah folder / a folder was chosen, not a file',
  };
  const reason = (code && reasons[code]) ?? detail;
  return `Tidak tersimpan / not saved: ${fileName}: ${reason}${code && reasons[code] ? ` (${code})` : ''}`;
}
