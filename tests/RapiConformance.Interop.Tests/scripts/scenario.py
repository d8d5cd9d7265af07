"""A realistic session of Ganeti's official RAPI client (ganeti.rapi.client) against the reference server.

Usage: scenario.py HOST PORT USER PASSWORD. Prints one line per step; exits 1 at the first failed step.
"""
import sys
import time

from ganeti.rapi import client as rapi

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
# GenericCurlConfig() without cafile leaves peer verification off: the server's certificate is self-signed.
c = rapi.GanetiRapiClient(host, port=port, username=user, password=password,
                          curl_config_fn=rapi.GenericCurlConfig())
step_no = [0]


def step(name, cond=True):
  step_no[0] += 1
  if not cond:
    print("FAIL %d %s" % (step_no[0], name))
    sys.exit(1)
  print("ok %d %s" % (step_no[0], name))


def wait(job, expect="success"):
  job = int(job)
  # WaitForJobCompletion answers True only for success; poll until the job is finalized either way.
  for _ in range(2000):
    status = c.GetJobStatus(job)
    if status["status"] in ("success", "error", "canceled"):
      break
    time.sleep(0.05)
  else:
    raise AssertionError("job %s did not finish" % job)
  if status["status"] != expect:
    print("job %s: %s %s" % (job, status["status"], status["opresult"]))
  return status


step("version is 2", c.GetVersion() == 2)
step("features", "instance-create-reqv1" in c.GetFeatures())
info = c.GetInfo()
step("cluster info", info["name"] and info["master"])
step("os list", len(c.GetOperatingSystems()) > 0)
for what, lister in [("instances", c.GetInstances), ("nodes", c.GetNodes), ("groups", c.GetGroups),
                     ("networks", c.GetNetworks), ("jobs", c.GetJobs), ("filters", c.GetFilters)]:
  plain = lister()
  bulk = lister(bulk=True)
  step("list and bulk %s agree" % what, len(plain) == len(bulk))
nodes = c.GetNodes(bulk=True)
node_names = [n["name"] for n in nodes]
step("node detail", c.GetNode(node_names[0])["name"] == node_names[0])

pnode, snode = node_names[1], node_names[2]
job = c.CreateInstance("create", "interop1.ganeti.test", "drbd", [{"size": 1024}], [{}],
                       os="noop+default", pnode=pnode, snode=snode, beparams={"memory": 256},
                       ip_check=False, name_check=False)
step("create instance", wait(job)["status"] == "success")
inst = c.GetInstance("interop1.ganeti.test")
step("instance is running on its primary", inst["status"] == "running" and inst["pnode"] == pnode)

for level, add, get, delete, target in [
    ("cluster", c.AddClusterTags, c.GetClusterTags, c.DeleteClusterTags, None),
    ("instance", c.AddInstanceTags, c.GetInstanceTags, c.DeleteInstanceTags, "interop1.ganeti.test"),
    ("node", c.AddNodeTags, c.GetNodeTags, c.DeleteNodeTags, pnode),
    ("group", c.AddGroupTags, c.GetGroupTags, c.DeleteGroupTags, "default"),
    ("network", c.AddNetworkTags, c.GetNetworkTags, c.DeleteNetworkTags, "net1")]:
  args = [] if target is None else [target]
  wait(add(*(args + [["interop:tag"]])))
  step("%s tag added" % level, "interop:tag" in get(*args))
  wait(delete(*(args + [["interop:tag"]])))
  step("%s tag removed" % level, "interop:tag" not in get(*args))

step("shutdown", wait(c.ShutdownInstance("interop1.ganeti.test"))["status"] == "success")
step("instance is down", c.GetInstance("interop1.ganeti.test")["status"] == "ADMIN_down")
step("startup", wait(c.StartupInstance("interop1.ganeti.test"))["status"] == "success")
step("reboot", wait(c.RebootInstance("interop1.ganeti.test"))["status"] == "success")
step("modify", wait(c.ModifyInstance("interop1.ganeti.test", beparams={"maxmem": 512, "minmem": 256}))["status"] == "success")
step("modified memory shows", c.GetInstance("interop1.ganeti.test")["beparams"]["maxmem"] == 512)
step("grow disk", wait(c.GrowInstanceDisk("interop1.ganeti.test", 0, 512))["status"] == "success")
step("disk grew", c.GetInstance("interop1.ganeti.test")["disk.sizes"][0] == 1536)
step("migrate", wait(c.MigrateInstance("interop1.ganeti.test"))["status"] == "success")
step("primary moved", c.GetInstance("interop1.ganeti.test")["pnode"] == snode)
step("failover", wait(c.FailoverInstance("interop1.ganeti.test"))["status"] == "success")
step("primary back", c.GetInstance("interop1.ganeti.test")["pnode"] == pnode)
step("shutdown before rename", wait(c.ShutdownInstance("interop1.ganeti.test"))["status"] == "success")
step("rename", wait(c.RenameInstance("interop1.ganeti.test", "interop2.ganeti.test", ip_check=False, name_check=False))["status"] == "success")
names = c.GetInstances()
step("renamed instance found only under its new name", "interop2.ganeti.test" in names and "interop1.ganeti.test" not in names)

step("create group", wait(c.CreateGroup("interop-group", alloc_policy="preferred"))["status"] == "success")
step("modify group", wait(c.ModifyGroup("interop-group", alloc_policy="last_resort"))["status"] == "success")
step("rename group", wait(c.RenameGroup("interop-group", "interop-group2"))["status"] == "success")
moved = node_names[-1]
step("assign nodes", wait(c.AssignGroupNodes("interop-group2", [moved], force=True))["status"] == "success")
step("node in new group", moved in c.GetGroup("interop-group2")["node_list"])
step("group with nodes cannot be deleted", wait(c.DeleteGroup("interop-group2"), expect="error")["status"] == "error")
step("assign node back", wait(c.AssignGroupNodes("default", [moved], force=True))["status"] == "success")
step("delete group", wait(c.DeleteGroup("interop-group2"))["status"] == "success")
step("group gone", "interop-group2" not in c.GetGroups())

# The client sends "tags": null when no tags are given, which OP_NETWORK_ADD's check (a list) refuses with 400,
# on a real Ganeti 3.0.2 too (opcodes-3.0.json); so tags are given.
step("create network", wait(c.CreateNetwork("interop-net", "192.168.50.0/24", gateway="192.168.50.1", tags="interop"))["status"] == "success")
step("connect network", wait(c.ConnectNetwork("interop-net", "default", "bridged", "br50"))["status"] == "success")
step("network connected", c.GetNetwork("interop-net")["group_list"][0][0] == "default")
step("disconnect network", wait(c.DisconnectNetwork("interop-net", "default"))["status"] == "success")
step("delete network", wait(c.DeleteNetwork("interop-net"))["status"] == "success")

regular = [n["name"] for n in c.GetNodes(bulk=True) if n["role"] != "M"][-1]
step("node role change", wait(c.SetNodeRole(regular, "drained"))["status"] == "success")
step("node role reads back", c.GetNodeRole(regular) == "drained")
wait(c.SetNodeRole(regular, "regular"))

q = c.Query("instance", ["name", "status", "oper_state"])
step("query", len(q["data"]) == len(c.GetInstances()) and q["fields"][0]["name"] == "name")
step("query with filter", len(c.Query("instance", ["name"], qfilter=["=", "name", "interop2.ganeti.test"])["data"]) == 1)
step("query fields", any(f["name"] == "status" for f in c.QueryFields("instance")["fields"]))

failed = wait(c.ShutdownInstance("nosuch.ganeti.test"), expect="error")
step("failing job has the right classification",
     failed["status"] == "error" and failed["opresult"][0][0] == "OpPrereqError" and failed["opresult"][0][1][1] == "unknown_entity")
try:
  c.GetInstance("nosuch.ganeti.test")
  step("unknown instance raises", False)
except rapi.GanetiApiError as err:
  step("unknown instance raises 404", err.code == 404)

step("delete instance", wait(c.DeleteInstance("interop2.ganeti.test"))["status"] == "success")
step("instance gone", "interop2.ganeti.test" not in c.GetInstances())
print("scenario passed")
