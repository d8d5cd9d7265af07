#!/usr/bin/env bash
# usage: j.sh JOBID : poll until finalized, print status/opstatus/opresult/summary
id=$1
pw=$(awk '$1=="reader"{print $2}' /var/lib/ganeti/rapi/users)
seq=""
for i in $(seq 1 120); do
  r=$(curl -sk --max-time 10 -u "reader:$pw" https://127.0.0.1:5080/2/jobs/$id)
  s=$(echo "$r" | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
  [[ "$seq" == *"$s" ]] || seq="$seq $s"
  case $s in success|error|canceled) break;; esac
  sleep 0.25
done
echo "### job $id observed statuses:$seq"
echo "$r" | python3 -c 'import json,sys;d=json.load(sys.stdin);print(json.dumps({k:d[k] for k in ("status","summary","opstatus","opresult")}))'
