using FluentValidation;

namespace Reporting.CaseManagement.Cases;

/// <summary>
/// Validators of action bodies. Each rule stops at its first failure: later checks of a rule assume the earlier ones held
/// (a list is there before its items are counted), and a body from JSON may hold nulls anywhere.
/// </summary>
public abstract class CommandValidator<T> : AbstractValidator<T>
{
    protected CommandValidator() => RuleLevelCascadeMode = CascadeMode.Stop;
}
