# mm_page_pcpu_drain events + stacktrace trigger output -> one line per call:
#   PCPCALL cpu pid comm t_start t_end pages frame1|frame2|...  (frames after free_pcppages_bulk, at most 8)
# Consecutive events of one CPU with the same pid and stack, less than 1 ms apart, are one free_pcppages_bulk run.
function commit(c,   key) {
  if (!(c in pts)) return
  key = ppid[c] " " pst[c]
  if ((c in ckey) && ckey[c] == key && pts[c] - cend[c] < 0.001) { cend[c] = pts[c]; cn[c]++ }
  else { flush(c); ckey[c] = key; ccomm[c] = pcomm[c]; cstart[c] = pts[c]; cend[c] = pts[c]; cn[c] = 1; cst[c] = pst[c]; cpid[c] = ppid[c] }
  delete pts[c]
}
function flush(c) { if (c in ckey && cn[c]) printf "PCPCALL %s %s %s %.6f %.6f %d %s\n", c, cpid[c], ccomm[c], cstart[c], cend[c], cn[c], cst[c]; cn[c] = 0 }
/^ => / { f = substr($0, 5); sub(/\+.*/, "", f)
  if (f != "trace_event_raw_event_mm_page_pcpu_drain" && f != "free_pcppages_bulk" && nf < 8) { pst[cur] = pst[cur] (nf ? "|" : "") f; nf++ }
  next }
/<stack trace>/ {    # a stack may come after another CPU's event: take its CPU from its own line
  for (i = 1; i <= NF; i++) if ($i ~ /^\[[0-9]+\]$/) break
  cur = substr($i, 2, length($i) - 2) + 0; pst[cur] = ""; nf = 0; next }
/mm_page_pcpu_drain:/ {
  for (i = 1; i <= NF; i++) if ($i ~ /^\[[0-9]+\]$/) break
  c = substr($i, 2, length($i) - 2) + 0
  commit(c)
  cp = $1; for (j = 2; j < i; j++) cp = cp "_" $j
  n = split(cp, a, "-"); ppid[c] = a[n]; pcomm[c] = substr(cp, 1, length(cp) - length(a[n]) - 1)
  t = $(i + 2); sub(/:$/, "", t); pts[c] = t + 0; pst[c] = ""
}
END { for (c in pts) commit(c); for (c in ckey) flush(c) }
