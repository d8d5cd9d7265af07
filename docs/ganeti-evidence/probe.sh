#!/usr/bin/env bash
# usage: p.sh USER METHOD PATH [BODY]   (USER: reader|writer|plain|none)
u=$1; m=$2; path=$3; body=${4-}
pw() { awk -v u="$1" '$1==u{print $2}' /var/lib/ganeti/rapi/users; }
args=(-sk -i --max-time 30 -X "$m")
[[ $u != none ]] && args+=(-u "$u:$(pw $u)")
[[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
echo "### request: $m $path ${body:+body: $body}"
echo "### auth: $u"
curl "${args[@]}" "https://127.0.0.1:5080$path" | tr -d '\r' | grep -v -E '^(Date|Server|Connection):'
echo
