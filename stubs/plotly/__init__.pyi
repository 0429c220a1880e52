from plotly import graph_objects as graph_objects
from plotly import io as io
