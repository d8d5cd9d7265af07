"""The operations table: every RAPI method + path with its x-rapi facts (shared/reference/resources.md)."""
from schemas import ref, L, S, I, B, N, E

NAME = {"type": "string", "pattern": r"^[\w._-]+$"}
DIGITS = {"type": "string", "pattern": r"^\d+$"}


def path_param(name, schema, description):
    return {"name": name, "in": "path", "required": True, "description": description, "schema": schema}


PATH_PARAMETERS = {
    "instance_name": path_param("instance_name", NAME, "Instance name (the path is not URL-decoded)"),
    "node_name": path_param("node_name", NAME, "Node name"),
    "group_name": path_param("group_name", NAME, "Node group name"),
    "network_name": path_param("network_name", NAME, "Network name"),
    "filter_uuid": path_param("filter_uuid", NAME, "Filter rule UUID"),
    "job_id": path_param("job_id", DIGITS, "Job id (digits only; anything else does not match the route: 404)"),
    "disk_index": path_param("disk_index", DIGITS, "Disk index (digits only)"),
    "resource_type": path_param("resource_type", {"type": "string", "pattern": r"^[\w._-]+$",
                                                  "x-rapi-known-values": ["network", "export", "job", "instance",
                                                                          "lock", "node", "group", "filter"]},
                                "Query resource (QR_VIA_RAPI: network, export, job, instance, lock, node, group, "
                                "filter); another name gives 502 from luxid"),
}


def qp(component, description, **kw):
    return {"component": component, "description": description, **kw}


QUERY_PARAMETERS = {
    "bulk": qp("Bulk", "RAPI bool: with a true value the list has full objects instead of {id|name, uri}",
               bool=True),
    "lock": qp("Lock", "RAPI bool: ask for locking (deprecated, harmless)", bool=True),
    "dry-run": qp("DryRun", "RAPI bool: only run the pre-execution checks", bool=True),
    "force": qp("Force", "RAPI bool: force the operation", bool=True),
    "reason": qp("Reason", "Text added to the opcode's reason trail as [\"gnt:user\", text, ns]"),
    "tag": qp("Tag", "A tag; repeat the argument for several (the only source of tags; a body is ignored)",
              array=True),
    "static": qp("Static", "RAPI bool: only static information (no live data)", bool=True),
    "type": qp("RebootType", "Reboot type; the first value is used; default hard; another value gives 400",
               schema={"type": "string", "enum": ["soft", "hard", "full"], "default": "hard"}),
    "ignore_secondaries": qp("IgnoreSecondaries", "RAPI bool: ignore errors on secondary nodes", bool=True),
    "no_remember": qp("NoRemember", "RAPI bool: do not remember the state change in the configuration",
                      bool=True),
    "ignore_size": qp("IgnoreSize", "RAPI bool: ignore the recorded disk sizes", bool=True),
    "auto-promote": qp("AutoPromote", "RAPI bool: auto-promote nodes to master candidates if needed", bool=True),
    "os": qp("ReinstallOs", "Legacy reinstall: the OS to install", schema={"type": "string"}),
    "nostartup": qp("NoStartup", "RAPI bool (legacy reinstall): do not start the instance afterwards", bool=True),
    "live": qp("Live", "RAPI bool (legacy node migrate): live migration; with mode gives 400", bool=True),
    "allocatable": qp("Allocatable", "RAPI bool: set the allocatable flag of the storage unit", bool=True),
    "storage_type": qp("StorageType", "Storage type",
                       schema={"type": "string", "enum": ["blockdev", "diskless", "ext", "file", "gluster",
                                                          "lvm-pv", "lvm-vg", "rados", "sharedfile"]}),
    "output_fields": qp("OutputFields", "Comma-separated list of storage fields", schema={"type": "string"},
                        override=True),
    "name": qp("StorageName", "Name of the storage unit", schema={"type": "string"}, override=True),
    "fields": qp("Fields", "Comma-separated field names (spaces are stripped)", schema={"type": "string"},
                 override=True),
}

P_ALL = ["2.0", "2.5", "3.0"]
P25 = ["2.5", "3.0"]
P3 = ["3.0"]
JOB = ref("JobId")
NULL = ref("Null")
TAGS_GET = ref("TagList")

N_JOBID = ("Job ids: Ganeti 3.0 answers a bare JSON integer (luxid's JobId); the 2.x Python job queue used "
           "string ids such as \"1234\" (reference N1), and the 2.x documents show no example. The 2.x profiles "
           "accept a digit string or an integer.")
N_TAGS_BODY = ("The documents say the tags are PUT as a JSON list of strings; the real handler ignores the body "
               "(except 'depends') and takes the tags only from repeated ?tag= arguments. Without ?tag= an empty "
               "list is sent to the opcode.")
N_TAGS_20 = ("The 2.0 document lists cluster tags under /2/instances/tags; on a real server that path is the "
             "instance named 'tags' (GET 404, DELETE submits an instance removal, PUT 501). The resource is /2/tags.")
N_TAGS_CHECK = ("RAPI does not check the tags: Ganeti 3.0.2 answers 200 and a job id for ?tag=has%20space (the "
                "job then fails with TagError) and for no ?tag= at all.")
N_REASON = "Every opcode-submitting operation reads ?reason= and accepts a body member 'depends'."


# Where our reference server deliberately answers a client error and Ganeti 3.0.2 an internal error
# (docs/ganeti-findings.md F10, F13, F16, F18, F19, F23). Each note names both status codes, so the
# differential run (`diff`) reports such a status difference as documented.
N_TAGS_UNKNOWN = ("Unknown name: Ganeti 3.0.2 answers 500 (its message is a Python tuple such as ('Instance name "
                  "nosuch not found', 'unknown_entity'), finding F18); our reference server answers 404 where Ganeti "
                  "answers 500, like the single-entity GETs do.")
STATUS_NOTES = {
    "getInstanceTags": [N_TAGS_UNKNOWN],
    "getNodeTags": [N_TAGS_UNKNOWN],
    "getGroupTags": [N_TAGS_UNKNOWN],
    "getNetworkTags": [N_TAGS_UNKNOWN],
    "getInstanceConsole": ["Unknown instance: Ganeti 3.0.2 answers 500 'list index out of range' (F16); our reference "
                           "server answers 404 where Ganeti answers 500."],
    "waitForJobChange": ["Unknown job: Ganeti 3.0.2 answers 500 \"Can't load job file\" (F10); our reference server "
                         "answers 404 where Ganeti answers 500.",
                         "No body: Ganeti 3.0.2 answers 500 ('NoneType' object is not subscriptable, F13); our reference "
                         "server answers 400 where Ganeti answers 500."],
    "deleteFilter": ["Unknown UUID: Ganeti 3.0.2 answers 500 'Filter rule with UUID ... does not exist' (F19); our "
                     "reference server answers 404 where Ganeti answers 500."],
    "modifyCluster": ["No body: Ganeti 3.0.2 answers 500 with a Python TypeError/AttributeError text (F23); our reference "
                      "server answers 400 where Ganeti answers 500."],
    "modifyInstance": ["No body: Ganeti 3.0.2 answers 500 with a Python TypeError/AttributeError text (F23); our reference "
                       "server answers 400 where Ganeti answers 500."],
}


def op(method, path, op_id, tag, summary, profiles, access="read", **kw):
    d = {"method": method, "path": path, "id": op_id, "tag": tag, "summary": summary,
         "profiles": profiles, "access": access}
    d.update(kw)
    notes = list(d.get("notes", []))
    if d.get("job"):
        d.setdefault("ok", JOB)
        d.setdefault("ok_text", "The job id")
        legacy = [p for p in profiles if p != "3.0"]
        if legacy and "ok_by_profile" not in d:
            d["ok_by_profile"] = {p: "JobIdLegacy" for p in legacy}
            notes.append(N_JOBID)
    notes.extend(STATUS_NOTES.get(op_id, []))
    d["notes"] = notes
    return d


def tag_ops(prefix, ids, entity, profiles_get, profiles_write, kind, extra_notes=()):
    get_id, add_id, del_id = ids
    path = f"{prefix}/tags"
    common = list(extra_notes)
    return [
        op("GET", path, get_id, "tags", f"List the tags of {entity}", profiles_get, ok=TAGS_GET,
           ok_text="The tags", notes=common),
        op("PUT", path, add_id, "tags", f"Add tags to {entity}", profiles_write, "write", job=True,
           opcode="OP_TAGS_SET", query=["tag", "dry-run", "reason"], body="tags",
           notes=common + [N_TAGS_BODY, N_TAGS_CHECK, f"The opcode gets kind={kind}."]),
        op("DELETE", path, del_id, "tags", f"Remove tags from {entity}", profiles_write, "write", job=True,
           opcode="OP_TAGS_DEL", query=["tag", "dry-run", "reason"], body="tags",
           notes=common + [N_TAGS_BODY, f"The opcode gets kind={kind}."]),
    ]


REINSTALL_BODY = {
    "kind": "custom", "required": False,
    "description": "Reinstall parameters (feature instance-reinstall-reqv1)",
    "schema": {"type": "object", "additionalProperties": True,
               "description": "Other members are silently ignored. A body and any query argument together give "
                              "400; an empty {} falls back to the query; a non-dict body gives 400.",
               "properties": {"os": {"type": "string", "nullable": True, "minLength": 1, "description": "OS to install"},
                              "start": {"type": "boolean", "default": True,
                                        "description": "Start the instance afterwards; not a bool gives 400"},
                              "osparams": {"type": "object", "nullable": True, "additionalProperties": True}}},
}
WAIT_BODY = {
    "kind": "custom", "required": True,
    "description": "What to wait for (a GET with a JSON body); no body at all gives 500",
    "schema": {"type": "object", "additionalProperties": True, "required": ["fields"],
               "properties": {"fields": L(S, description="Job field names to watch"),
                              "previous_job_info": {"type": "array", "items": {}, "nullable": True},
                              "previous_log_serial": {"type": "integer", "nullable": True}}},
}
ROLE_BODY = {
    "kind": "custom", "required": True,
    "description": "The new role as a bare JSON string (not an object)",
    "schema": {"type": "string", "enum": ["regular", "master-candidate", "drained", "offline"],
               "description": "'master' or any other value gives 400; a non-string gives 400"},
}
QUERY_BODY = {
    "kind": "custom", "required": False,
    "description": "Fields and filter; a non-dict body gives 400",
    "schema": {"type": "object", "additionalProperties": True,
               "properties": {"fields": L(S, description="Field names; ?fields= is used when absent"),
                              "qfilter": {"type": "array", "items": {}, "nullable": True,
                                          "description": "Query filter, e.g. [\"=\", \"name\", \"x\"]"},
                              "filter": {"type": "array", "items": {}, "nullable": True,
                                         "description": "Legacy name of qfilter"}}},
}
FILTER_BODY = {
    "kind": "custom", "required": False,
    "description": "A filter rule; any other member (including uuid) gives 400; a non-dict body gives 400",
    "schema": {"type": "object", "additionalProperties": False,
               "properties": {"priority": {"type": "integer", "default": 0},
                              "predicates": {"type": "array", "items": {}, "default": []},
                              "action": {"default": "CONTINUE",
                                         "description": "ACCEPT, CONTINUE, PAUSE, REJECT or [\"RATE_LIMIT\", n]"},
                              "reason": {"type": "array", "items": {}, "default": []}}},
}


def instance_create_body():
    return {"component": "CreateInstanceBody", "required": True,
            "required_extra": ["__version__"],
            "extra": {"__version__": {"type": "integer", "enum": [1],
                                      "description": "Request version; missing gives 400 'version 0 is no longer "
                                                     "supported', another value 400 'Unsupported request data "
                                                     "version' (compared with Python ==, so true and 1.0 pass)"}}}


OPERATIONS = [
    # ---- cluster -------------------------------------------------------------------------------
    op("GET", "/", "getRoot", "cluster", "The root resource", P_ALL, ok=NULL, luxi=False,
       ok_by_profile={"2.0": "RootLegacy", "2.5": "RootLegacy"},
       notes=["The 2.0/2.5 documents say this lists the resources as {name, uri}; Ganeti 3.0 answers null."]),
    op("GET", "/2", "getApiRoot", "cluster", "The root of version 2 of the API", P_ALL, ok=NULL, luxi=False,
       ok_by_profile={"2.0": "RootLegacy", "2.5": "RootLegacy"},
       notes=["The 2.0/2.5 documents say this lists the resources as {name, uri}; Ganeti 3.0 answers null."]),
    op("GET", "/version", "getVersion", "cluster", "The RAPI version", P25, ok=ref("Version"), luxi=False,
       notes=["Not in the 2.0 document (its clients see 404 on older servers)."]),
    op("GET", "/2/info", "getClusterInfo", "cluster", "Cluster information", P_ALL, ok=ref("ClusterInfo"),
       opcode="OP_CLUSTER_QUERY",
       ok_by_profile={"2.0": "ClusterInfoLegacy", "2.5": "ClusterInfoLegacy"},
       notes=["3.0 answers luxid's QueryClusterInfo plus the alias keys vg_name and drbd_helper; Ganeti 3.0.2 "
              "also sends keys that LUClusterQuery never had (gluster_storage_dir, zeroing_image, "
              "enabled_data_collectors, data_collector_interval, modify_ssh_setup, ssh_key_type, "
              "ssh_key_bits), so the object is open.",
              "The documents' example is partial (2.0-era keys only)."]),
    op("GET", "/2/features", "getFeatures", "cluster", "Optional features the server supports", P25,
       ok=ref("Features"), ok_by_profile={"2.5": "FeaturesLegacy"}, luxi=False,
       notes=["Order not fixed. 3.0 answers instance-create-reqv1, instance-reinstall-reqv1, node-migrate-reqv1 "
              "and node-evac-res1; the 2.5 document names only the first two.",
              "Not in the 2.0 document; clients treat 404 as an empty list."]),
    op("GET", "/2/os", "getOperatingSystems", "cluster", "The operating systems available", P_ALL,
       ok=ref("OsList"), opcode="OP_OS_DIAGNOSE", errors=[503],
       notes=["Internally submits OP_OS_DIAGNOSE and waits for it; the answer is the OS list, not a job id "
              "(so this GET runs a job and is anonymous).",
              "502 'Can't get OS list' when the job result is not a list."]),
    op("PUT", "/2/redistribute-config", "redistributeConfig", "cluster", "Redistribute the configuration",
       P25, "write", job=True, opcode="OP_CLUSTER_REDIST_CONF", query=["reason"], body="opcode",
       notes=[N_REASON]),
    op("PUT", "/2/modify", "modifyCluster", "cluster", "Modify the cluster parameters", P25, "write", job=True,
       opcode="OP_CLUSTER_SET_PARAMS", query=["reason"], body={"required": True},
       notes=["compression_tools is forbidden: 403 'The parameter compression_tools cannot be set via RAPI' "
              "(checked in both the query and the body).",
              "No body at all gives 500 (the handler indexes into None).", N_REASON]),
    *tag_ops("/2", ("getClusterTags", "addClusterTags", "deleteClusterTags"), "the cluster", P_ALL, P_ALL,
             "cluster", extra_notes=[N_TAGS_20]),

    # ---- filters (3.0) -------------------------------------------------------------------------
    op("GET", "/2/filters", "listFilters", "filters", "List the job filter rules", P3, ok=ref("FilterList"),
       query=["bulk"],
       notes=["The non-bulk key is 'uuid' (the rst example shows 'id'); sorted by uuid."]),
    op("POST", "/2/filters", "createFilter", "filters", "Add a job filter rule", P3, "write",
       body=FILTER_BODY, ok=ref("FilterUuid"), ok_text="The new filter's UUID",
       notes=["Does not submit a job; answers the new UUID.",
              "A 'uuid' member (named in the rst) gives 400 like any other unknown member."]),
    op("GET", "/2/filters/{filter_uuid}", "getFilter", "filters", "One job filter rule", P3, ok=ref("Filter"),
       errors=[404]),
    op("PUT", "/2/filters/{filter_uuid}", "replaceFilter", "filters", "Replace (or create) a filter rule", P3,
       "write", body=FILTER_BODY, ok=ref("FilterUuid"), ok_text="The filter's UUID",
       notes=["Replaces the rule, or creates it under that UUID when it does not exist.",
              "The rst's 'uuid' body parameter is rejected (400)."]),
    op("DELETE", "/2/filters/{filter_uuid}", "deleteFilter", "filters", "Delete a filter rule", P3, "write",
       ok=NULL, errors=[404]),

    # ---- groups --------------------------------------------------------------------------------
    op("GET", "/2/groups", "listGroups", "groups", "List the node groups", P25, ok=ref("GroupList"),
       ok_by_profile={"2.5": "GroupListLegacy"}, query=["bulk"],
       notes=["The 2.5 bulk example shows only name, node_cnt, node_list and uuid."]),
    op("POST", "/2/groups", "createGroup", "groups", "Create a node group", P25, "write", job=True,
       opcode="OP_GROUP_ADD", query=["dry-run", "reason"], body="opcode",
       notes=["Legacy alias name -> group_name (sending both gives 400).", N_REASON]),
    op("GET", "/2/groups/{group_name}", "getGroup", "groups", "One node group", P25, ok=ref("Group"),
       ok_by_profile={"2.5": "GroupLegacy"}, query=["lock"], errors=[404]),
    op("DELETE", "/2/groups/{group_name}", "deleteGroup", "groups", "Delete a node group", P25, "write",
       job=True, opcode="OP_GROUP_REMOVE", query=["dry-run", "reason"], body="ignored", notes=[N_REASON]),
    op("PUT", "/2/groups/{group_name}/modify", "modifyGroup", "groups", "Modify a node group", P25, "write",
       job=True, opcode="OP_GROUP_SET_PARAMS", query=["reason"], body="opcode",
       notes=["Aliases custom_ndparams -> ndparams, custom_ipolicy -> ipolicy, custom_diskparams -> diskparams.",
              N_REASON]),
    op("PUT", "/2/groups/{group_name}/rename", "renameGroup", "groups", "Rename a node group", P25, "write",
       job=True, opcode="OP_GROUP_RENAME", query=["dry-run", "reason"], body="opcode", notes=[N_REASON]),
    op("PUT", "/2/groups/{group_name}/assign-nodes", "assignGroupNodes", "groups", "Assign nodes to a group",
       P25, "write", job=True, opcode="OP_GROUP_ASSIGN_NODES", query=["dry-run", "force", "reason"],
       body="opcode", notes=[N_REASON]),
    *tag_ops("/2/groups/{group_name}", ("getGroupTags", "addGroupTags", "deleteGroupTags"), "a node group",
             P3, P3, "nodegroup"),

    # ---- networks (3.0) ------------------------------------------------------------------------
    op("GET", "/2/networks", "listNetworks", "networks", "List the networks", P3, ok=ref("NetworkList"),
       query=["bulk"]),
    op("POST", "/2/networks", "createNetwork", "networks", "Create a network", P3, "write", job=True,
       opcode="OP_NETWORK_ADD", query=["dry-run", "reason"], body="opcode",
       notes=["Legacy alias name -> network_name.", N_REASON]),
    op("GET", "/2/networks/{network_name}", "getNetwork", "networks", "One network", P3, ok=ref("Network"),
       query=["lock"], errors=[404],
       notes=["group_list entries are [group, mode, link, vlan] lists in 3.0.2 (bulk-fields.md says three "
              "members; older versions used 'group(mode, link)' strings)."]),
    op("DELETE", "/2/networks/{network_name}", "deleteNetwork", "networks", "Delete a network", P3, "write",
       job=True, opcode="OP_NETWORK_REMOVE", query=["dry-run", "reason"], body="opcode", notes=[N_REASON]),
    op("PUT", "/2/networks/{network_name}/connect", "connectNetwork", "networks", "Connect to a node group",
       P3, "write", job=True, opcode="OP_NETWORK_CONNECT", query=["dry-run", "reason"], body="opcode",
       notes=[N_REASON]),
    op("PUT", "/2/networks/{network_name}/disconnect", "disconnectNetwork", "networks",
       "Disconnect from a node group", P3, "write", job=True, opcode="OP_NETWORK_DISCONNECT",
       query=["dry-run", "reason"], body="opcode", notes=[N_REASON]),
    op("PUT", "/2/networks/{network_name}/modify", "modifyNetwork", "networks", "Modify a network", P3,
       "write", job=True, opcode="OP_NETWORK_SET_PARAMS", query=["reason"], body="opcode", notes=[N_REASON]),
    *tag_ops("/2/networks/{network_name}", ("getNetworkTags", "addNetworkTags", "deleteNetworkTags"),
             "a network", P3, P3, "network"),

    # ---- instances -----------------------------------------------------------------------------
    op("GET", "/2/instances", "listInstances", "instances", "List the instances", P_ALL,
       ok=ref("InstanceList"), ok_by_profile={"2.0": "InstanceListLegacy", "2.5": "InstanceListLegacy"},
       query=["bulk", "lock"],
       notes=["The list key is 'id' and the uri keeps the /2 prefix; the documents show 'name' and "
              "/instances/<name>.",
              "admin_state is a string (up, down, offline) in 3.0; the 2.x examples show a bool."]),
    op("POST", "/2/instances", "createInstance", "instances", "Create an instance", P_ALL, "write", job=True,
       opcode="OP_INSTANCE_CREATE", query=["dry-run", "reason"], body=instance_create_body(),
       notes=["__version__ must be 1 (feature instance-create-reqv1): missing gives 400 'version 0 is no "
              "longer supported'; the 2.0 document describes the older version-0 body.",
              "Legacy aliases name -> instance_name and os -> os_type.",
              "In hvparams.usb_devices spaces become commas.",
              "disk_template may be omitted (accepted; the opcode default is None).", N_REASON]),
    op("POST", "/2/instances-multi-alloc", "createInstancesMultiAlloc", "instances",
       "Allocate several instances at once", P3, "write", job=True, opcode="OP_INSTANCE_MULTI_ALLOC",
       query=["dry-run", "reason"],
       body={"required": True, "override": {"instances": {"type": "array", "items": ref("InstanceCreateElement"),
                                                          "description": "OP_INSTANCE_CREATE parameters per "
                                                                         "instance (aliases name/os, no "
                                                                         "__version__)"}}},
       notes=["instances is required: 400 when absent, 500 when there is no body at all.", N_REASON]),
    op("GET", "/2/instances/{instance_name}", "getInstance", "instances", "One instance", P_ALL,
       ok=ref("Instance"), ok_by_profile={"2.0": "InstanceLegacy", "2.5": "InstanceLegacy"},
       query=["lock"], errors=[404],
       notes=["beparams also carries 'memory' (a copy of maxmem)."]),
    op("DELETE", "/2/instances/{instance_name}", "deleteInstance", "instances", "Delete an instance", P_ALL,
       "write", job=True, opcode="OP_INSTANCE_REMOVE", query=["dry-run", "reason"], body="opcode",
       notes=["ignore_failures is fixed to false (sending it gives 400).", N_REASON]),
    op("GET", "/2/instances/{instance_name}/info", "getInstanceInfo", "instances",
       "Submit a job gathering detailed instance information", P25, job=True,
       opcode="OP_INSTANCE_QUERY_DATA", query=["static", "reason"], body="ignored",
       notes=["A GET that submits a job and answers its id; anonymous access is allowed.", N_REASON]),
    op("POST", "/2/instances/{instance_name}/reboot", "rebootInstance", "instances", "Reboot an instance",
       P_ALL, "write", job=True, opcode="OP_INSTANCE_REBOOT",
       query=["type", "ignore_secondaries", "dry-run", "reason"], body="opcode",
       notes=["The 2.0 document writes ignore_secondaries=[False|True]; the server parses it as an integer "
              "(True gives 400).", N_REASON]),
    op("PUT", "/2/instances/{instance_name}/shutdown", "shutdownInstance", "instances", "Shut an instance down",
       P_ALL, "write", job=True, opcode="OP_INSTANCE_SHUTDOWN", query=["no_remember", "dry-run", "reason"],
       body="opcode",
       notes=["An unknown instance is accepted (200 + job id); the job fails with OpPrereqError "
              "unknown_entity.", N_REASON]),
    op("PUT", "/2/instances/{instance_name}/startup", "startupInstance", "instances", "Start an instance",
       P_ALL, "write", job=True, opcode="OP_INSTANCE_STARTUP", query=["force", "no_remember", "dry-run", "reason"],
       body="ignored",
       notes=["The 2.0 document writes force=[False|True]; the server parses it as an integer.", N_REASON]),
    op("POST", "/2/instances/{instance_name}/reinstall", "reinstallInstance", "instances",
       "Reinstall an instance's OS", P_ALL, "write", job=True, opcode="OP_INSTANCE_REINSTALL",
       opcodes=["OP_INSTANCE_SHUTDOWN", "OP_INSTANCE_REINSTALL", "OP_INSTANCE_STARTUP"],
       query=["os", "nostartup"], body=REINSTALL_BODY,
       query_special={},
       notes=["The job has three opcodes (shutdown, reinstall, startup with force=false), two when start is "
              "false. No reason trail is added and ?reason= is not read.",
              "Body and any query argument together give 400; the query form is the 2.0 one.",
              "Ganeti builds these opcodes without validating them, so luxid judges os and osparams: a "
              "non-string or empty os, or a non-dict osparams, gives 502 'Failed to parse request: SubmitJob: "
              "Can't parse value for 'os_type': Unable to read String' (seen on Ganeti 3.0.2); the reference "
              "server answers 400 with the same message. A list of strings such as [\"x\"] is read by luxid "
              "as the string \"x\" and accepted; the reference server refuses it with 400."]),
    op("POST", "/2/instances/{instance_name}/replace-disks", "replaceInstanceDisks", "instances",
       "Replace the disks of an instance", P25, "write", job=True, opcode="OP_INSTANCE_REPLACE_DISKS",
       query=["reason"],
       body={"override": {"disks": {
           "anyOf": [{"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 16,
                                                 "exclusiveMaximum": True}},
                     {"type": "string", "pattern": r"^(\s*\d+\s*(,\s*\d+\s*)*)?$"}],
           "description": "Disk indices: a list of integers or a comma-separated string such as \"0,2\""}}},
       query_special={
           "mode": {"description": "Legacy (used only when the body is empty)",
                    "schema": {"type": "string", "enum": ["replace_auto", "replace_new_secondary",
                                                          "replace_on_primary", "replace_on_secondary"]}},
           "remote_node": {"description": "Legacy (used only when the body is empty)", "schema": S},
           "iallocator": {"description": "Legacy (used only when the body is empty)", "schema": S},
           "disks": {"description": "Legacy: comma-separated disk indices, e.g. 0,2",
                     "schema": {"type": "string", "pattern": r"^(\s*\d+\s*(,\s*\d+\s*)*)?$"}}},
       notes=["'disks' may be a list of integers or a string such as \"0,2\" (a bad string gives 400; each part goes "
              "through Python's int(), so spaces around numbers are fine; an empty string or list means every disk).",
              "The query arguments are used only when the body is empty.", N_REASON]),
    op("PUT", "/2/instances/{instance_name}/activate-disks", "activateInstanceDisks", "instances",
       "Activate an instance's disks", P25, "write", job=True, opcode="OP_INSTANCE_ACTIVATE_DISKS",
       query=["ignore_size", "reason"], body="ignored", notes=[N_REASON]),
    op("PUT", "/2/instances/{instance_name}/deactivate-disks", "deactivateInstanceDisks", "instances",
       "Deactivate an instance's disks", P25, "write", job=True, opcode="OP_INSTANCE_DEACTIVATE_DISKS",
       query=["force", "reason"], body="ignored", notes=[N_REASON]),
    op("POST", "/2/instances/{instance_name}/recreate-disks", "recreateInstanceDisks", "instances",
       "Recreate an instance's disks", P3, "write", job=True, opcode="OP_INSTANCE_RECREATE_DISKS",
       query=["reason"], body="opcode", notes=[N_REASON]),
    op("POST", "/2/instances/{instance_name}/disk/{disk_index}/grow", "growInstanceDisk", "instances",
       "Grow a disk of an instance", P25, "write", job=True, opcode="OP_INSTANCE_GROW_DISK", query=["reason"],
       body="opcode", notes=[N_REASON]),
    op("PUT", "/2/instances/{instance_name}/prepare-export", "prepareInstanceExport", "instances",
       "Prepare an export", P25, "write", job=True, opcode="OP_BACKUP_PREPARE", query=["reason"],
       body="ignored",
       query_special={"mode": {"required": True, "description": "Export mode (required by the opcode)",
                               "schema": {"type": "string", "enum": ["local", "remote"]}}},
       notes=["Without ?mode= the opcode fails validation (the exact status is unverified).", N_REASON]),
    op("PUT", "/2/instances/{instance_name}/export", "exportInstance", "instances", "Export an instance", P25,
       "write", job=True, opcode="OP_BACKUP_EXPORT", query=["reason"], body="opcode",
       notes=["Legacy alias destination -> target_node (target_node is required).", N_REASON]),
    op("PUT", "/2/instances/{instance_name}/migrate", "migrateInstance", "instances", "Migrate an instance",
       P25, "write", job=True, opcode="OP_INSTANCE_MIGRATE", query=["reason"], body="opcode",
       notes=["The rst hides 'live' (:exclude:), but the server accepts it in the body.", N_REASON]),
    op("PUT", "/2/instances/{instance_name}/failover", "failoverInstance", "instances", "Fail an instance over",
       P3, "write", job=True, opcode="OP_INSTANCE_FAILOVER", query=["reason"], body="opcode", notes=[N_REASON]),
    op("PUT", "/2/instances/{instance_name}/rename", "renameInstance", "instances", "Rename an instance", P25,
       "write", job=True, opcode="OP_INSTANCE_RENAME", query=["reason"], body="opcode", notes=[N_REASON]),
    op("PUT", "/2/instances/{instance_name}/modify", "modifyInstance", "instances", "Modify an instance", P25,
       "write", job=True, opcode="OP_INSTANCE_SET_PARAMS", query=["reason"], body={"required": True},
       notes=["Aliases custom_beparams -> beparams and custom_hvparams -> hvparams; usb_devices spaces become "
              "commas.", "No body at all gives 500.", N_REASON]),
    op("GET", "/2/instances/{instance_name}/console", "getInstanceConsole", "instances",
       "Console information of an instance", P3, auth_required=True, ok=ref("Console"), errors=[404, 503],
       opcode="OP_INSTANCE_CONSOLE",
       notes=["Needs a user with read or write even when the daemon allows anonymous reads.",
              "503 'Instance console unavailable' when the instance is not running."]),
    *tag_ops("/2/instances/{instance_name}", ("getInstanceTags", "addInstanceTags", "deleteInstanceTags"),
             "an instance", P_ALL, P_ALL, "instance"),

    # ---- jobs ----------------------------------------------------------------------------------
    op("GET", "/2/jobs", "listJobs", "jobs", "List the jobs", P_ALL, ok=ref("JobList"),
       ok_by_profile={"2.0": "JobListLegacy", "2.5": "JobListLegacy"}, query=["bulk"],
       notes=["Ids are integers in 3.0; the list is sorted by id. The bulk form (J_FIELDS_BULK) has no oplog "
              "and no opresult.", "The 2.0 document has no bulk argument for jobs."]),
    op("GET", "/2/jobs/{job_id}", "getJob", "jobs", "One job", P_ALL, ok=ref("Job"),
       ok_by_profile={"2.0": "JobLegacy", "2.5": "JobLegacy"}, errors=[404],
       notes=["Ganeti 3.0.2 answers an unknown (all-digit) id with 200 and every field except id null; "
              "resources.md and the documents expect 404.",
              "The failed-opresult form is [ErrorClass, [message, classification]] (JobOpFailure)."]),
    op("DELETE", "/2/jobs/{job_id}", "cancelJob", "jobs", "Cancel a job", P_ALL, "write",
       ok=ref("JobCancelResult"), ok_text="[success, message]; 200 even when success is false",
       query=["dry-run"],
       notes=["Does not submit a job. The official client sends ?dry-run=1 on request; the server ignores it."]),
    op("GET", "/2/jobs/{job_id}/wait", "waitForJobChange", "jobs", "Wait for a job to change", P25, "write",
       ok=ref("JobWaitResult"), body=WAIT_BODY, errors=[404],
       notes=["A GET with a JSON body; needs write.", "No body at all gives 500.",
              "Blocks up to about 10 s; answers null when nothing changed."]),

    # ---- nodes ---------------------------------------------------------------------------------
    op("GET", "/2/nodes", "listNodes", "nodes", "List the nodes", P_ALL, ok=ref("NodeList"),
       ok_by_profile={"2.0": "NodeListLegacy", "2.5": "NodeListLegacy"}, query=["bulk"],
       notes=["The key is 'id' and the uri is /2/nodes/<name>; the 2.0 example shows /instances/<name>."]),
    op("GET", "/2/nodes/{node_name}", "getNode", "nodes", "One node", P_ALL, ok=ref("Node"),
       ok_by_profile={"2.0": "NodeLegacy", "2.5": "NodeLegacy"}, query=["lock"], errors=[404],
       notes=["Adds the alias secondary_ip (= sip), which the bulk list lacks.",
              "The 2.5 document names GET only in its 'supports the following commands' line (no subsection)."]),
    op("POST", "/2/nodes/{node_name}/powercycle", "powercycleNode", "nodes", "Power-cycle a node", P3, "write",
       job=True, opcode="OP_NODE_POWERCYCLE", query=["force", "reason"], body="opcode", notes=[N_REASON]),
    op("GET", "/2/nodes/{node_name}/role", "getNodeRole", "nodes", "The role of a node", P25,
       ok=ref("NodeRole"), query=["lock"],
       notes=["An unknown node does not go through the 404 helper (probably 500; unverified)."]),
    op("PUT", "/2/nodes/{node_name}/role", "setNodeRole", "nodes", "Set the role of a node", P25, "write",
       job=True, opcode="OP_NODE_SET_PARAMS", query=["force", "auto-promote", "reason"], body=ROLE_BODY,
       notes=["The 2.5 document lists master among the roles; PUT 'master' gives 400.", N_REASON]),
    op("POST", "/2/nodes/{node_name}/evacuate", "evacuateNode", "nodes", "Evacuate a node", P25, "write",
       job=True, opcode="OP_NODE_EVACUATE", query=["dry-run", "reason"], body="opcode",
       query_special={
           "iallocator": {"deprecated": True, "schema": S,
                          "description": "2.5 query argument; ignored by 3.0 (use the body)"},
           "remote_node": {"deprecated": True, "schema": S,
                           "description": "2.5 query argument; ignored by 3.0 (use the body)"},
           "early_release": {"deprecated": True, "bool": True, "schema": I,
                             "description": "2.5 query argument; ignored by 3.0 (use the body)"}},
       notes=["2.5 documents query arguments and a list-of-triples result; 3.0 takes the body (mode required) "
              "and the job result is {\"jobs\": [[ok, id_or_msg], ...]} (feature node-evac-res1).",
              "The rst excludes 'nodes'; the real static parameter is node_name.", N_REASON]),
    op("POST", "/2/nodes/{node_name}/migrate", "migrateNode", "nodes", "Migrate the primary instances of a node",
       P25, "write", job=True, opcode="OP_NODE_MIGRATE", query=["reason"], body="opcode",
       query_special={
           "live": {"bool": True, "schema": I, "description": "Legacy RAPI bool; with mode gives 400"},
           "mode": {"schema": {"type": "string", "enum": ["live", "non-live"]},
                    "description": "Legacy migration mode"}},
       notes=["Any query argument (reason and dry-run included) switches to the legacy query mode and the body is "
              "ignored; live and mode together give 400.", N_REASON]),
    op("POST", "/2/nodes/{node_name}/modify", "modifyNode", "nodes", "Modify a node", P3, "write", job=True,
       opcode="OP_NODE_SET_PARAMS", query=["reason"], body="opcode", notes=[N_REASON]),
    op("GET", "/2/nodes/{node_name}/storage", "getNodeStorage", "nodes",
       "Submit a job listing the storage units of a node", P25, "write", job=True,
       opcode="OP_NODE_QUERY_STORAGE", query=["storage_type", "output_fields!"], body="ignored",
       notes=["A GET that submits a job and needs write.", "output_fields is required (400 when missing).",
              "The 2.5 document lacks the 'supports the following commands' line but documents GET."]),
    op("PUT", "/2/nodes/{node_name}/storage/modify", "modifyNodeStorage", "nodes", "Modify a storage unit",
       P25, "write", job=True, opcode="OP_NODE_MODIFY_STORAGE",
       query=["storage_type", "name!", "allocatable", "reason"], body="ignored",
       notes=["name is required (400 when missing).", N_REASON]),
    op("PUT", "/2/nodes/{node_name}/storage/repair", "repairNodeStorage", "nodes", "Repair a storage unit",
       P25, "write", job=True, opcode="OP_REPAIR_NODE_STORAGE", query=["storage_type", "name!", "reason"],
       body="ignored", notes=["name is required (400 when missing).", N_REASON]),
    *tag_ops("/2/nodes/{node_name}", ("getNodeTags", "addNodeTags", "deleteNodeTags"), "a node", P_ALL, P_ALL,
             "node"),

    # ---- query (3.0) ---------------------------------------------------------------------------
    op("GET", "/2/query/{resource_type}", "queryResource", "query", "Query a resource", P3,
       auth_required=True, ok=ref("QueryResult"), query=["fields!"], opcode="OP_QUERY",
       notes=["Needs a user with read or write.", "fields is required (400 'Missing 'fields' query argument').",
              "An unknown resource type gives 502 (luxid refuses it)."]),
    op("PUT", "/2/query/{resource_type}", "queryResourceWithFilter", "query", "Query a resource with a filter",
       P3, auth_required=True, ok=ref("QueryResult"), query=["fields"], body=QUERY_BODY, opcode="OP_QUERY",
       notes=["Needs a user with read or write (a PUT that does not write).",
              "A filter luxid cannot parse gives 502."]),
    op("GET", "/2/query/{resource_type}/fields", "queryResourceFields", "query", "The fields of a resource",
       P3, ok=ref("QueryFields"), query=["fields"], opcode="OP_QUERY_FIELDS"),
]
