package org.coproduced.commissioning.decisions;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL texts already parsed, by their text. A parsed expression is immutable, so it can be
 * evaluated again and again, by any thread. Texts that fail to parse are not kept: each attempt
 * reports its own failure.
 */
final class ParsedFeelCache {

  /** Far more than all the decision tables of the application hold; past it, parsing starts afresh. */
  static final int KEPT = 2000;

  private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();
  private final Function<String, Either<Failure, ParsedExpression>> parser;

  ParsedFeelCache(Function<String, Either<Failure, ParsedExpression>> parser) {
    this.parser = parser;
  }

  Either<Failure, ParsedExpression> get(String text) {
    ParsedExpression known = parsed.get(text);
    if (known != null) {
      return new Right<>(known);
    }
    Either<Failure, ParsedExpression> result = parser.apply(text);
    if (result instanceof Right<Failure, ParsedExpression> right) {
      if (parsed.size() >= KEPT) {
        parsed.clear();
      }
      parsed.put(text, right.value());
    }
    return result;
  }

  int size() {
    return parsed.size();
  }
}
