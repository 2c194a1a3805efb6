package dev.currents.it;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The client suite for every other subject, from the second on. */
// No invocation is allowed for -Dit.subjects naming one subject only.
@ParameterizedClass(name = "{0}", allowZeroInvocations = true)
@MethodSource("dev.currents.it.Subjects#secondHalf")
class ClientCategoriesSecondHalfIT extends ClientCategoriesIT {}
