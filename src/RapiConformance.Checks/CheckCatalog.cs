namespace RapiConformance.Checks;

/// <summary>The one list of checks. Suites, the CLI and the docs refer to checks by these ids.</summary>
public static class CheckCatalog
{
    /// <summary>A fresh set of check objects (checks keep no state, but nothing is shared between runs).</summary>
    public static IReadOnlyList<Check> Create() =>
    [
        new ReadOperationsAnswer(),
        new UnknownResourceNotFound(),
        new UnsupportedMethod501(),
        new QueryBoolParsing(),
        new ProfileOperationsOnly(),
        new VersionMatchesProfile(),
        new FeaturesMatchProfile(),
        new AuthRequiredForProtected(),
        new AuthBadCredentialsRefused(),
        new AuthHa1User(),
        new AuthzOptionsEnforced(),
        new ListBulkConsistent(),
        new SingleEqualsBulk(),
        new UriResolves(),
        new NodeCountsAgree(),
        new QueryAgreesWithList(),
        new JobWaitAnswers(),
        new RefusedWriteNotPerformed(),
        new ContentTypeEnforced(),
        new InvalidBodyRefused(),
        new DryRunNoChange(),
        new TagsRoundTrip(),
        new InstanceLifecycle(),
        new GroupLifecycle(),
        new NetworkLifecycle(),
        new JobFailureClassified(),
        new JobCancel(),
        new NodeRoleRoundTrip(),
        new WriteOperationsAccepted(),
        new JobFieldsConsistent(),
        new JobIdsPollable(),
        new JobStatusForward(),
        new TransportSound(),
        new StatusCodeDocumented(),
        new ContentTypeJson(),
        new ResponseSchemaValid(),
        new ErrorBodyForm(),
        new NoUndocumentedServerError(),
        new ResponsesTimely(),
    ];

    public static Check? Find(IEnumerable<Check> checks, string id) => checks.FirstOrDefault(c => c.Id == id);
}
