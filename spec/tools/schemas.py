"""Response and shared schemas (components/schemas). Facts: shared/reference/bulk-fields.md and jobs.md."""
import copy

S = {"type": "string"}
I = {"type": "integer"}
B = {"type": "boolean"}
NUM = {"type": "number"}
ANY = {}
OBJ = {"type": "object", "additionalProperties": True}


def N(s):
    s = copy.deepcopy(s)
    s["nullable"] = True
    return s


def L(s, **kw):
    return {"type": "array", "items": copy.deepcopy(s), **kw}


def E(*values):
    return {"type": "string", "enum": list(values)}


def T(*items, description=None):
    """A fixed-length array with a schema per position: OpenAPI 3.0 gets the length and the union of the
    member types; the validator also checks each position through x-rapi-tuple."""
    alternatives = []
    for i in items:
        if i not in alternatives:
            alternatives.append(copy.deepcopy(i))
    union = {} if any(a == {} for a in alternatives) else (
        alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives})
    out = {"type": "array", "minItems": len(items), "maxItems": len(items), "items": union,
           "x-rapi-tuple": [copy.deepcopy(i) for i in items]}
    if description:
        out["description"] = description
    return out


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def closed(props, optional=(), description=None):
    """An object whose member list is fixed: every member required unless optional, nothing else allowed."""
    out = {"type": "object", "additionalProperties": False,
           "required": [k for k in props if k not in optional],
           "properties": copy.deepcopy(props)}
    if description:
        out = {"description": description, **out}
    return out


def open_typed(props, description=None):
    """The 2.x form of an entity: the documents show partial objects, so members are typed but optional
    and unknown members are allowed."""
    out = {"type": "object", "additionalProperties": True, "properties": copy.deepcopy(props)}
    if description:
        out = {"description": description, **out}
    return out


TIME = N(NUM)  # ctime/mtime: float epoch seconds or null
COMMON = {"ctime": TIME, "mtime": TIME, "uuid": S, "serial_no": I, "tags": L(S)}

DISK_TEMPLATES = ["blockdev", "diskless", "drbd", "ext", "file", "gluster", "plain", "rbd", "sharedfile"]
INSTANCE_STATUS = ["running", "ADMIN_down", "ADMIN_offline", "ERROR_wrongnode", "ERROR_up", "ERROR_down",
                   "ERROR_nodedown", "ERROR_nodeoffline", "USER_down"]
BEPARAMS = {"type": "object", "additionalProperties": True, "required": ["memory"],
            "properties": {"memory": I, "maxmem": I, "minmem": I, "vcpus": I, "auto_balance": B,
                           "always_failover": B, "spindle_use": I},
            "description": "Merged backend parameters; RAPI adds 'memory' (a copy of maxmem)"}

INSTANCE_FIELDS = {
    "name": S,
    "admin_state": E("up", "down", "offline"),
    "os": S,
    "pnode": S,
    "snodes": L(S),
    "disk_template": E(*DISK_TEMPLATES),
    "nic.ips": L(N(S)),
    "nic.macs": L(S),
    "nic.modes": L(S),
    "nic.uuids": L(S),
    "nic.names": L(N(S)),
    "nic.links": L(S),
    "nic.networks": L(N(S)),
    "nic.networks.names": L(N(S)),
    "nic.bridges": L(N(S)),
    "network_port": N(I),
    "disk.sizes": L(I),
    "disk.spindles": L(N(I)),
    "disk_usage": I,
    "disk.uuids": L(S),
    "disk.names": L(N(S)),
    "beparams": BEPARAMS,
    "hvparams": OBJ,
    "oper_state": N(B),
    "oper_ram": N(I),
    "oper_vcpus": N(I),
    "status": E(*INSTANCE_STATUS),
    "custom_hvparams": OBJ,
    "custom_beparams": OBJ,
    "custom_nicparams": L(OBJ),
    **COMMON,
}

NODE_FIELDS = {
    "name": S,
    "offline": B,
    "master_candidate": B,
    "drained": B,
    "dtotal": N(I), "dfree": N(I), "sptotal": N(I), "spfree": N(I),
    "mtotal": N(I), "mnode": N(I), "mfree": N(I),
    "pinst_cnt": I, "sinst_cnt": I,
    "ctotal": N(I), "cnos": N(I), "cnodes": N(I), "csockets": N(I),
    "pip": S, "sip": S,
    "role": {"type": "string", "enum": ["M", "C", "R", "D", "O"],
             "description": "M master, C candidate, R regular, D drained, O offline (GET .../role answers words)"},
    "pinst_list": L(S), "sinst_list": L(S),
    "master_capable": B, "vm_capable": B,
    "ndparams": OBJ,
    "group.uuid": S,
    **COMMON,
}

GROUP_FIELDS = {
    "alloc_policy": E("preferred", "last_resort", "unallocable"),
    "name": S,
    "node_cnt": I,
    "node_list": L(S),
    "ipolicy": OBJ, "custom_ipolicy": OBJ,
    "diskparams": OBJ, "custom_diskparams": OBJ,
    "ndparams": OBJ, "custom_ndparams": OBJ,
    **COMMON,
}

NETWORK_FIELDS = {
    "name": S,
    "network": S,
    "gateway": N(S), "network6": N(S), "gateway6": N(S), "mac_prefix": N(S),
    "free_count": I, "reserved_count": I,
    "map": {"type": "string", "pattern": "^[X.]*$", "description": "One char per address: X reserved, . free"},
    "group_list": L({"anyOf": [L(S, minItems=3, maxItems=4), S]},
                    description="[group, mode, link(, vlan)] per connected group; old versions used strings"),
    "inst_list": L(S),
    "external_reservations": S,
    **COMMON,
}

REASON_ENTRY = T(S, S, I, description="[source, reason, epoch_ns]")
FILTER_FIELDS = {
    "watermark": I,
    "priority": I,
    "predicates": L(ANY),
    "action": {"anyOf": [E("ACCEPT", "CONTINUE", "PAUSE", "REJECT"), T(E("RATE_LIMIT"), I)],
               "description": "ACCEPT, CONTINUE, PAUSE, REJECT or [\"RATE_LIMIT\", n]"},
    "reason_trail": L(REASON_ENTRY),
    "uuid": S,
}

JOB_STATUS = ["queued", "waiting", "running", "canceling", "canceled", "success", "error"]
OP_STATUS = ["queued", "waiting", "canceling", "running", "canceled", "success", "error"]
TIMESTAMP = L(I, minItems=2, maxItems=2, description="[seconds, microseconds]")
LOG_ENTRY = T(I, TIMESTAMP, S, ANY, description="[serial, [sec, usec], type, message]")
OPCODE_INPUT = {"type": "object", "additionalProperties": True, "required": ["OP_ID"],
                "properties": {"OP_ID": {"type": "string", "pattern": "^OP_[A-Z0-9_]+$"},
                               "reason": L(REASON_ENTRY)}}
JOB_FIELDS = {
    "id": I,
    "ops": N(L(OPCODE_INPUT)),
    "status": {"type": "string", "enum": JOB_STATUS + [None], "nullable": True},
    "summary": N(L(S)),
    "opstatus": N(L(E(*OP_STATUS))),
    "received_ts": N(TIMESTAMP),
    "start_ts": N(TIMESTAMP),
    "end_ts": N(TIMESTAMP),
    "oplog": N(L(L(LOG_ENTRY))),
    "opresult": N(L(ANY, description="Raw result on success, JobOpFailure on error, null while not run")),
}
JOB_BULK_FIELDS = {k: v for k, v in JOB_FIELDS.items() if k not in ("oplog", "opresult")}

ECODES = ["resolver_error", "insufficient_resources", "temp_insufficient_resources", "wrong_input", "wrong_state",
          "unknown_entity", "already_exists", "resource_not_unique", "internal_error", "environment_error"]

FEATURES = ["instance-create-reqv1", "instance-reinstall-reqv1", "node-migrate-reqv1", "node-evac-res1"]

CLUSTER_INFO_FIELDS = {
    "software_version": S, "protocol_version": I, "config_version": I, "os_api_version": I,
    "export_version": I, "vcs_version": S, "architecture": L(S, minItems=2, maxItems=2),
    "name": S, "master": S, "default_hypervisor": S, "enabled_hypervisors": L(S),
    "hvparams": OBJ, "os_hvp": OBJ, "beparams": OBJ, "osparams": OBJ, "ipolicy": OBJ, "nicparams": OBJ,
    "ndparams": OBJ, "diskparams": OBJ,
    "candidate_pool_size": I, "max_running_jobs": I, "max_tracked_jobs": I, "mac_prefix": S,
    "master_netdev": S, "master_netmask": I, "use_external_mip_script": B,
    "volume_group_name": N(S), "drbd_usermode_helper": N(S), "file_storage_dir": N(S),
    "shared_file_storage_dir": N(S), "maintain_node_health": B,
    "ctime": TIME, "mtime": TIME, "uuid": S, "tags": L(S), "uid_pool": L(ANY), "default_iallocator": S,
    "default_iallocator_params": OBJ, "reserved_lvs": L(S), "primary_ip_version": {"type": "integer", "enum": [4, 6]},
    "prealloc_wipe_disks": B, "hidden_os": L(S), "blacklisted_os": L(S), "enabled_disk_templates": L(S),
    "install_image": S, "instance_communication_network": S, "compression_tools": L(S),
    "enabled_user_shutdown": B,
    "vg_name": N(S), "drbd_helper": N(S),
}
CLUSTER_INFO_EXTRA = {
    "gluster_storage_dir": N(S), "zeroing_image": S, "enabled_data_collectors": OBJ,
    "data_collector_interval": OBJ, "modify_ssh_setup": B, "ssh_key_type": S, "ssh_key_bits": I,
}


def list_item(key, prefix, key_schema=S, legacy=False):
    """{<key>: name, uri: /2/<prefix>/<name>}; the legacy (2.x document) form allows name or id and /<prefix>/."""
    uri = {"type": "string", "pattern": f"^/2/{prefix}/[^/]+$"}
    if not legacy:
        return closed({key: key_schema, "uri": uri})
    return {"type": "object", "additionalProperties": False, "required": ["uri"],
            "properties": {"id": {"anyOf": [S, I]}, "name": S,
                           "uri": {"type": "string", "pattern": f"^(/2)?/[a-z]+/[^/]+$"}},
            "description": "2.x documents: 'name' or 'id', uri with or without the /2 prefix "
                           "(the 2.0 node example even shows /instances/)"}


def component_schemas(bodies):
    c = {}
    c["Error"] = closed({"code": {"type": "integer", "minimum": 400, "maximum": 599},
                         "message": S, "explain": S},
                        description="Ganeti's error body; message is HTML-escaped (html.escape)")
    c["Null"] = {"nullable": True, "enum": [None], "description": "Exactly JSON null"}
    c["RootLegacy"] = {"nullable": True, "anyOf": [L(open_typed({"name": S, "uri": S}))],
                       "description": "2.x documents: a list of {name, uri}; real servers answer null"}
    c["Version"] = {"type": "integer", "enum": [2], "description": "RAPI_VERSION"}
    c["JobId"] = {"type": "integer", "minimum": 0, "description": "A job id: a bare JSON integer in 3.0"}
    c["JobIdLegacy"] = {"anyOf": [{"type": "string", "pattern": "^[0-9]+$"}, {"type": "integer", "minimum": 0}],
                        "description": "2.x documents show job ids as strings such as \"1234\"; integers too"}
    c["StringList"] = L(S)
    c["TagList"] = L(S, description="Tags")
    c["OsList"] = L({"type": "string", "minLength": 1}, description="OS names, with os+variant entries")
    c["Features"] = L(E(*FEATURES), uniqueItems=True, description="Order not fixed")
    c["FeaturesLegacy"] = L(S, uniqueItems=True)
    c["ClusterInfo"] = {"type": "object", "additionalProperties": True,
                        "required": list(CLUSTER_INFO_FIELDS),
                        "properties": {**CLUSTER_INFO_FIELDS, **CLUSTER_INFO_EXTRA},
                        "description": "LUClusterQuery keys plus the aliases vg_name and drbd_helper; luxid may "
                                       "add a few more keys, so the object is open"}
    c["ClusterInfoLegacy"] = open_typed({**CLUSTER_INFO_FIELDS, "architecture": L(S)})

    c["Instance"] = closed(INSTANCE_FIELDS, description="I_FIELDS (single GET and bulk list are the same)")
    legacy = {**INSTANCE_FIELDS, "admin_state": B, "beparams": OBJ}
    c["InstanceLegacy"] = open_typed(legacy, description="2.x: admin_state is a bool, examples are partial")
    c["InstanceListItem"] = list_item("id", "instances")
    c["ListItemLegacy"] = list_item("name", "x", legacy=True)
    c["InstanceList"] = {"anyOf": [L(ref("InstanceListItem")), L(ref("Instance"))],
                         "description": "List form, or the bulk form with ?bulk=1"}
    c["InstanceListLegacy"] = {"anyOf": [L(ref("ListItemLegacy")), L(ref("InstanceLegacy"))]}

    c["Node"] = closed({**NODE_FIELDS, "secondary_ip": S}, description="N_FIELDS plus secondary_ip (= sip)")
    c["NodeBulk"] = closed(NODE_FIELDS, description="N_FIELDS")
    c["NodeLegacy"] = open_typed({**NODE_FIELDS, "secondary_ip": S})
    c["NodeListItem"] = list_item("id", "nodes")
    c["NodeList"] = {"anyOf": [L(ref("NodeListItem")), L(ref("NodeBulk"))]}
    c["NodeListLegacy"] = {"anyOf": [L(ref("ListItemLegacy")), L(ref("NodeLegacy"))]}
    c["NodeRole"] = E("master", "master-candidate", "regular", "drained", "offline")

    c["Group"] = closed(GROUP_FIELDS, description="G_FIELDS")
    c["GroupLegacy"] = open_typed(GROUP_FIELDS)
    c["GroupListItem"] = list_item("name", "groups")
    c["GroupList"] = {"anyOf": [L(ref("GroupListItem")), L(ref("Group"))]}
    c["GroupListLegacy"] = {"anyOf": [L(ref("ListItemLegacy")), L(ref("GroupLegacy"))]}

    c["Network"] = closed(NETWORK_FIELDS, description="NET_FIELDS")
    c["NetworkListItem"] = list_item("name", "networks")
    c["NetworkList"] = {"anyOf": [L(ref("NetworkListItem")), L(ref("Network"))]}

    c["Filter"] = closed(FILTER_FIELDS, description="FILTER_RULE_FIELDS")
    c["FilterListItem"] = closed({"uuid": S, "uri": {"type": "string", "pattern": "^/2/filters/[^/]+$"}})
    c["FilterList"] = {"anyOf": [L(ref("FilterListItem")), L(ref("Filter"))]}
    c["FilterUuid"] = {"type": "string", "minLength": 1, "description": "The filter's UUID"}

    c["Job"] = closed(JOB_FIELDS, description="J_FIELDS. In 3.0.2 an unknown id answers 200 with every field "
                                              "except id null")
    c["Job"]["x-rapi-failed-result"] = "#/components/schemas/JobOpFailure"
    c["JobBulk"] = closed(JOB_BULK_FIELDS, description="J_FIELDS_BULK: no oplog and no opresult")
    c["JobLegacy"] = open_typed({**JOB_FIELDS, "id": {"anyOf": [S, I]}})
    c["JobListItem"] = closed({"id": I, "uri": {"type": "string", "pattern": "^/2/jobs/[0-9]+$"}})
    c["JobListItemLegacy"] = open_typed({"id": {"anyOf": [S, I]}, "uri": S})
    c["JobList"] = {"anyOf": [L(ref("JobListItem")), L(ref("JobBulk"))]}
    c["JobListLegacy"] = {"anyOf": [L(ref("JobListItemLegacy")), L(ref("JobLegacy"))]}
    c["JobOpFailure"] = T(S, L(S, minItems=1, maxItems=2, description="[message] or [message, classification]"),
                          description="The opresult element of a failed opcode: [ErrorClass, [message, "
                                      "classification?]], e.g. [\"OpPrereqError\", [\"...\", \"wrong_input\"]]")
    c["ErrorClassification"] = E(*ECODES)
    c["JobCancelResult"] = T(B, S, description="[success, message]")
    c["JobWaitResult"] = {"nullable": True, "type": "object", "additionalProperties": False,
                          "required": ["job_info", "log_entries"],
                          "properties": {"job_info": L(ANY), "log_entries": L(LOG_ENTRY)},
                          "description": "null when nothing changed within about 10 s"}

    field_def = closed({"name": {"type": "string", "minLength": 1}, "title": {"type": "string", "minLength": 1},
                        "kind": E("bool", "float", "number", "other", "text", "timestamp", "unit", "unknown"),
                        "doc": {"type": "string", "minLength": 1}})
    c["QueryFieldDefinition"] = field_def
    c["QueryResultCell"] = T({"type": "integer", "enum": [0, 1, 2, 3, 4]}, ANY,
                             description="[status, value]; status 0 normal, 1 unknown field, 2 no data, "
                                         "3 unavailable, 4 offline")
    c["QueryResult"] = closed({"fields": L(ref("QueryFieldDefinition")), "data": L(L(ref("QueryResultCell")))})
    c["QueryFields"] = closed({"fields": L(ref("QueryFieldDefinition"))})
    c["Console"] = closed({"instance": S, "kind": E("msg", "ssh", "vnc", "spice"), "message": S,
                           "host": S, "port": I, "user": S, "command": L(S), "display": I},
                          optional=("message", "host", "port", "user", "command", "display"),
                          description="Only the members that apply to the kind are present")
    c["ReasonEntry"] = REASON_ENTRY
    c["InstanceCreateElement"] = bodies.instance_create_element()
    return c
