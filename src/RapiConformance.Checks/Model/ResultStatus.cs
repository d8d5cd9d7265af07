namespace RapiConformance.Checks;

/// <summary>
/// Every (check, operation) ends in exactly one of these. Skip: outside the profile, not configured, or the
/// server rightly said it does not support it. Disabled: the suite turned the check off.
/// </summary>
public enum ResultStatus { Pass, Fail, Skip, Disabled }
