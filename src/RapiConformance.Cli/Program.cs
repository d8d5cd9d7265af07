using System.CommandLine;
using RapiConformance.Cli;

var root = new RootCommand("rapi-conformance: conformance harness, contract fuzzer and reference server for the Ganeti Remote API");
foreach (var verb in Verbs.All()) root.Subcommands.Add(verb);
return await CommandLineEntry.RunAsync(root, args);
