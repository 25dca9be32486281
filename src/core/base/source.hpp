// Where a fact came from: a JSON pointer into a case file, and, when the case was imported from
// an EHR, the FHIR resource (type, id, element) behind it. A decision cites facts by SourceRef so
// that the same rules serve case files and FHIR input.
#pragma once

#include <optional>
#include <string>

namespace rlt {

struct FhirRef {
  std::string resource_type;  ///< "Observation"
  std::string id;             ///< the resource's logical id
  std::string element;        ///< "valueQuantity", "effectiveDateTime" ...
  bool operator==(const FhirRef&) const = default;
};

struct SourceRef {
  enum class Kind { input, policy, ruleset };
  Kind kind = Kind::input;
  /// input: a JSON pointer into the case ("/tumour/ki67"); policy: the setting's name;
  /// ruleset: the threshold id.
  std::string pointer;
  std::optional<FhirRef> fhir;

  SourceRef() = default;
  // A JSON pointer of the case is the common case, so a pointer converts implicitly.
  SourceRef(std::string p) : pointer(std::move(p)) {}  // NOLINT(google-explicit-constructor)
  SourceRef(const char* p) : pointer(p) {}             // NOLINT(google-explicit-constructor)
  static SourceRef policy(std::string setting) {
    SourceRef s(std::move(setting));
    s.kind = Kind::policy;
    return s;
  }
  /// The form printed in reports: the pointer, or "policy:<setting>".
  [[nodiscard]] std::string display() const {
    return kind == Kind::policy    ? "policy:" + pointer
           : kind == Kind::ruleset ? "ruleset:" + pointer
                                   : pointer;
  }
  bool operator==(const SourceRef&) const = default;
};

}  // namespace rlt
