"""Request bodies: opcode-backed bodies from opcodes-3.0.json, plus the ignored and special bodies."""
import copy

DROP_KEYS = {"ht", "ht_desc", "propertyNames", "prefixItems", "const"}


def to_openapi(schema):
    """Converts a JSON-Schema-like opcode schema (type lists, prefixItems, numeric exclusive bounds)
    into an OpenAPI 3.0 schema object (nullable, anyOf, boolean exclusive bounds)."""
    if not isinstance(schema, dict):
        return schema
    s = {}
    nullable = False
    types = schema.get("type")
    if isinstance(types, list):
        rest = [t for t in types if t != "null"]
        nullable = len(rest) != len(types)
        types = rest[0] if len(rest) == 1 else rest
    enum = schema.get("enum")
    if enum is not None and None in enum:
        nullable = True
    for key, value in schema.items():
        if key in DROP_KEYS or key == "type":
            continue
        if key in ("properties",):
            s[key] = {k: to_openapi(v) for k, v in value.items()}
        elif key in ("anyOf", "allOf", "oneOf"):
            s[key] = [to_openapi(v) for v in value]
        elif key in ("items", "additionalProperties", "not"):
            s[key] = to_openapi(value) if isinstance(value, dict) else value
        elif key == "exclusiveMaximum" and not isinstance(value, bool):
            s["maximum"] = value
            s["exclusiveMaximum"] = True
        elif key == "exclusiveMinimum" and not isinstance(value, bool):
            s["minimum"] = value
            s["exclusiveMinimum"] = True
        else:
            s[key] = copy.deepcopy(value)
    if isinstance(types, list):
        s["anyOf"] = s.get("anyOf", []) + [{"type": t, **({"items": {}} if t == "array" else {})} for t in types]
    elif types:
        s["type"] = types
    if "prefixItems" in schema and "items" not in s:
        alternatives = []
        for item in schema["prefixItems"]:
            converted = to_openapi(item)
            if converted not in alternatives:
                alternatives.append(converted)
        s["items"] = {} if any(a == {} for a in alternatives) else (
            alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives})
        s["x-rapi-tuple"] = [to_openapi(i) for i in schema["prefixItems"]]
    if s.get("type") == "array" and "items" not in s:
        s["items"] = {}
    if nullable:
        s["nullable"] = True
    return s


class OpcodeBodies:
    def __init__(self, opcodes_json):
        self.opcodes = opcodes_json["opcodes"]
        self.rapi = {(o["method"], o["path"]): o for o in opcodes_json["rapi_operations"]}

    def params(self, opcode):
        return self.opcodes[opcode]["params"]

    def param(self, opcode, name):
        for p in self.params(opcode):
            if p["name"] == name:
                return p
        raise KeyError(f"{opcode} has no parameter {name}")

    def rapi_entry(self, op):
        return self.rapi.get((op["method"], op["path"]))

    def depends_schema(self):
        return self.property_schema(self.param("OP_INSTANCE_STARTUP", "depends"))

    @staticmethod
    def property_schema(param):
        s = to_openapi(param["schema"])
        if param.get("description"):
            s["description"] = param["description"]
        default = param.get("default")
        if default is not None and not (s.get("enum") and default not in s["enum"]):
            s["default"] = default
        return s

    def opcode_object(self, opcode, exclude, renames, extra=None, required_extra=()):
        """Closed object of the opcode's parameters minus `exclude`, plus alias members for `renames`
        (old -> new) and `extra` members."""
        props = {}
        required = []
        alias_groups = []
        for p in self.params(opcode):
            if p["name"] in exclude:
                continue
            props[p["name"]] = self.property_schema(p)
            if p["required"]:
                required.append(p["name"])
        for old, new in renames.items():
            target = copy.deepcopy(props[new])
            target["description"] = f"Legacy alias of '{new}'; sending both gives 400"
            target["x-rapi-alias-of"] = new
            props[old] = target
            if new in required:
                required.remove(new)
                alias_groups.append((new, old))
        for name, schema in (extra or {}).items():
            props[name] = schema
        required = list(required_extra) + required
        obj = {"type": "object", "additionalProperties": False}
        if required:
            obj["required"] = required
        obj["properties"] = props
        constraints = []
        for new, old in alias_groups:
            constraints.append({"anyOf": [{"required": [new]}, {"required": [old]}]})
        for old, new in renames.items():
            constraints.append({"not": {"required": [old, new]}})
        if constraints:
            obj["allOf"] = constraints
        return obj

    def request_body(self, op, body, components):
        """(schema, required, description) for an operation's body."""
        if body == "ignored":
            return ({"description": "Ignored by the handler, except the opcode member 'depends' when the body is "
                                    "a dict; any JSON is accepted once it parses",
                     "x-rapi-ignored": True,
                     "properties": {"depends": self.depends_schema()}},
                    False, "Ignored (only 'depends' is used)")
        if body == "tags":
            return ({"description": "Ignored: the tags come only from the repeated ?tag= query argument. The 2.0 "
                                    "and 2.5 documents describe a JSON list of strings here.",
                     "x-rapi-ignored": True,
                     "properties": {"depends": self.depends_schema()}},
                    False, "Ignored (tags come from ?tag=)")
        if isinstance(body, dict) and body.get("kind") == "custom":
            return body["schema"], body.get("required", False), body["description"]
        # An opcode-backed body.
        entry = self.rapi_entry(op)
        if entry is None:
            raise SystemExit(f"{op['id']}: no rapi_operations entry for {op['method']} {op['path']}")
        opcode = entry["opcodes"][0]
        exclude = set(entry["static_params"]) | set(entry["forbidden_params"]) | {"reason"}
        renames = dict(entry["renamed_body_params"])
        extra = {}
        required_extra = ()
        if isinstance(body, dict):
            exclude |= set(body.get("exclude", ()))
            extra.update(body.get("extra", {}))
            required_extra = body.get("required_extra", ())
            for name, schema in body.get("override", {}).items():
                extra[name] = schema
        name = body.get("component") if isinstance(body, dict) and body.get("component") else \
            op["id"][0].upper() + op["id"][1:] + "Body"
        schema = self.opcode_object(opcode, exclude, renames, extra, required_extra)
        for key in extra:
            schema["properties"][key] = extra[key]
        schema["description"] = (f"The parameters of {opcode} that the handler accepts from the body "
                                 f"(static parameters {sorted(exclude)} are filled from the URL or query; "
                                 "sending one gives 400 \"Can't overwrite static parameters\"). "
                                 "Unknown members give 400.")
        schema["x-rapi-opcode"] = opcode
        schema["x-rapi-static-params"] = sorted(entry["static_params"])
        if entry["forbidden_params"]:
            schema["x-rapi-forbidden-params"] = sorted(entry["forbidden_params"])
        components["schemas"][name] = schema
        required = bool(isinstance(body, dict) and body.get("required")) or bool(schema.get("required"))
        return {"$ref": f"#/components/schemas/{name}"}, required, f"Parameters of {opcode}"

    def instance_create_element(self):
        """One element of instances-multi-alloc: OP_INSTANCE_CREATE with the name/os aliases, no __version__."""
        return self.opcode_object("OP_INSTANCE_CREATE", {"reason"}, {"name": "instance_name", "os": "os_type"})
