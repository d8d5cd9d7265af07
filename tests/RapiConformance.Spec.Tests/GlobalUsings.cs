global using RapiConformance.Spec;
global using Xunit;
