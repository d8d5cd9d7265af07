namespace RapiConformance.Spec;

/// <summary>Who may call an operation (x-rapi-access plus x-rapi-access-list).</summary>
public enum Access
{
    /// <summary>Access list []: anonymous when the daemon allows it, any valid user otherwise.</summary>
    Read,

    /// <summary>Access list [read, write]: always needs a user with the read or write option.</summary>
    ReadAuthenticated,

    /// <summary>Access list [write]: needs a user with the write option.</summary>
    Write,
}
