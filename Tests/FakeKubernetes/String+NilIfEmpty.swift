import Foundation

extension String {
    /// nil for the empty string, which the API treats like an absent field.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
